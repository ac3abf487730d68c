package io.rowflow.query.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.annotation.Table;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the processor's checks over every {@code @Table} class of core's tests (compiled without
 * the processor, so nothing else proves them): each class the runtime maps must pass, and each
 * error reported must be one the runtime raises too. The test fixtures of this module and the
 * examples run the processor in their own builds, so a false error there fails the build.
 */
class MappingChecksFixturesTest {

    @TempDir
    Path generated;

    @Test
    void coreTestEntitiesTheRuntimeMapsPassAndEveryErrorIsTheRuntimes() throws Exception {
        List<Class<?>> entities = coreTestEntities();
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Class<?> entity : entities) {
            (MappingCompiler.rejections(List.of(entity)).isEmpty() ? accepted : rejected).add(entity.getCanonicalName());
        }
        assertThat(accepted).as("entities of core's tests").hasSizeGreaterThan(20);

        List<MappingCompiler.Reported> onAccepted = MappingCompiler.processorReportsForClasses(generated, accepted);
        List<MappingCompiler.Reported> onRejected = rejected.isEmpty() ? List.of()
                : MappingCompiler.processorReportsForClasses(generated, rejected);

        try (Stream<Path> files = Files.walk(generated)) {
            assertThat(files.filter(f -> f.toString().endsWith("_.java")).count())
                    .as("the processor ran on every entity").isGreaterThanOrEqualTo(accepted.size());
        }
        assertThat(onAccepted).as("errors and warnings on entities the runtime maps").isEmpty();
        Set<String> runtime = MappingCompiler.rejections(entities);
        assertThat(onRejected).as("errors and warnings on entities the runtime rejects")
                .extracting(MappingCompiler.Reported::message).isSubsetOf(runtime);
        System.out.println("Of " + rejected.size() + " entities the runtime rejects, the processor reports "
                + onRejected.stream().filter(MappingCompiler.Reported::error).count() + " errors and "
                + onRejected.stream().filter(r -> !r.error()).count() + " warnings: "
                + onRejected.stream().map(r -> r.kind() + " " + r.message()).toList());
    }

    /** The {@code @Table} classes (top-level and nested) of core's test classes, a directory or a jar. */
    private static List<Class<?>> coreTestEntities() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Class.forName("io.rowflow.contract.DatabaseTestSupport")
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(location.relativize(f).toString().replace(".class", "").replace('/', '.')));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.endsWith(".class")) {
                        names.add(name.replace(".class", "").replace('/', '.'));
                    }
                }
            }
        }
        List<Class<?>> entities = new ArrayList<>();
        ClassLoader loader = MappingChecksFixturesTest.class.getClassLoader();
        for (String name : names.stream().sorted().toList()) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Table.class) && type.getCanonicalName() != null) {
                    type.getDeclaredFields();   // resolves the field types
                    entities.add(type);
                }
            } catch (LinkageError e) {
                // a test class needing a library this module does not have (Jackson): not an entity here
            }
        }
        return entities;
    }
}
