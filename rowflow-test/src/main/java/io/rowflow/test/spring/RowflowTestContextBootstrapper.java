package io.rowflow.test.spring;

import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Adds the {@link RowflowTest#properties()} of a test to its application context's environment. */
final class RowflowTestContextBootstrapper extends SpringBootTestContextBootstrapper {

    @Override
    protected String[] getProperties(Class<?> testClass) {
        RowflowTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, RowflowTest.class);
        return annotation == null ? null : annotation.properties();
    }
}
