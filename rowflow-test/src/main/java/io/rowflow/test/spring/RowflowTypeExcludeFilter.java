package io.rowflow.test.spring;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Leaves every component of the application out of a {@link RowflowTest}'s context: the slice is
 * Rowflow and R2DBC only, plus what the test imports.
 */
final class RowflowTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<RowflowTest> {

    RowflowTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}
