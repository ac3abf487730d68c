package io.rowflow.query.processor;

import io.rowflow.annotation.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates the query metamodel: for every {@link Table} entity {@code Book} a class {@code Book_}
 * in the same package, with typed paths for each mapped property and a static {@code BOOK}
 * instance, so queries are checked by the compiler. Registered through
 * {@code META-INF/services/javax.annotation.processing.Processor}: having rowflow-reactive-query
 * on the compile classpath (or in {@code annotationProcessorPaths}) is enough.
 *
 * <p>It also reports, as compile errors on the offending field, record component or class, the
 * mapping mistakes core would reject when the entity's model is first built, so a bad mapping
 * fails the build rather than the first request; what the runtime rejects only as the
 * {@code Database} is configured by default (naming strategy, converters) comes as a warning.
 * {@code -Arowflow.checks=errors} keeps only the errors, {@code -Arowflow.checks=off} turns the
 * checks off.
 *
 * @since 0.1
 */
public final class MetamodelProcessor extends AbstractProcessor {

    /** Creates the processor; javac does this. */
    public MetamodelProcessor() {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Table.class.getName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(MappingChecks.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(Table.class)) {
            if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "@Table belongs on a class or record", element);
                continue;
            }
            MappingChecks.report(processingEnv, (TypeElement) element);
            generate((TypeElement) element);
        }
        return false;
    }

    private void generate(TypeElement entity) {
        MetamodelWriter writer = new MetamodelWriter(processingEnv, entity);
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(writer.qualifiedName(), entity);
            try (Writer out = file.openWriter()) {
                out.write(writer.source());
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Could not write the metamodel " + writer.qualifiedName() + ": " + e.getMessage(), entity);
        }
    }
}
