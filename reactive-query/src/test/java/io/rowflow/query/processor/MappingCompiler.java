package io.rowflow.query.processor;

import io.rowflow.RowflowException;
import io.rowflow.annotation.Table;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedRelation;
import io.rowflow.internal.relation.RelationSides;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.mapping.RelationModel;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles entity sources twice, the two ways a mapping can be judged: with the
 * {@link MetamodelProcessor} (its errors, with the source line each is reported on), and without
 * it, loading the classes and building their models as a {@code Database} does on first use (the
 * messages of the {@code MappingException}s, and of the {@code QueryException}s that loading an
 * inverse relationship raises for a wrong {@code mappedBy}).
 */
final class MappingCompiler {

    private final Path directory;

    MappingCompiler(Path directory) {
        this.directory = directory;
    }

    /**
     * An error or warning of the processor: the runtime's message (a warning without the note on
     * what it depends on) and the text of the source line it is reported on.
     */
    record Reported(Diagnostic.Kind kind, String message, String line) {
        boolean error() {
            return kind == Diagnostic.Kind.ERROR;
        }
    }

    /** The processor's errors and warnings for these sources ({@code file name -> source}), with the given extra options. */
    List<Reported> processorReports(Map<String, String> sources, String... options) throws IOException {
        Path root = write(sources, "processed");
        List<String> arguments = new ArrayList<>(List.of("-proc:only", "-processor", MetamodelProcessor.class.getName(),
                "-s", Files.createDirectories(root.resolve("generated")).toString()));
        arguments.addAll(List.of(options));
        List<Reported> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : compile(root, arguments, true)) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR || diagnostic.getKind() == Diagnostic.Kind.WARNING) {
                String line = "";
                if (diagnostic.getSource() != null && diagnostic.getLineNumber() > 0) {
                    line = Files.readAllLines(Path.of(diagnostic.getSource().toUri())).get((int) diagnostic.getLineNumber() - 1);
                }
                errors.add(new Reported(diagnostic.getKind(), runtimeMessage(diagnostic), line));
            }
        }
        return errors;
    }

    /** The messages with which the runtime rejects the {@code @Table} classes of these sources (none: all accepted). */
    Set<String> runtimeRejections(Map<String, String> sources) throws IOException {
        Path root = write(sources, "plain");
        Path classes = Files.createDirectories(root.resolve("classes"));
        List<String> arguments = List.of("-proc:none", "-parameters", "-d", classes.toString());
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(root, arguments, false);
        if (diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
            throw new AssertionError("the fixture does not compile: " + diagnostics);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader());
             Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> entities = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Table.class)) {
                    entities.add(type);
                }
            }
            return rejections(entities);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Builds the models of these entities and resolves each inverse relationship as loading does; the messages of the failures. */
    static Set<String> rejections(List<Class<?>> entities) {
        EntityModels models = new EntityModels(NamingStrategy.SNAKE_CASE, new ConverterRegistry(Map.of(), new PostgresDialect()));
        Set<String> messages = new LinkedHashSet<>();
        for (Class<?> type : entities) {
            try {
                DefaultEntityModel<?> model = models.entity(type);
                for (MappedRelation relation : model.mappedRelations()) {
                    if (relation.mappedBy() != null) {
                        DefaultEntityModel<Object> target = cast(models.entity(relation.targetType()));
                        if (relation.kind() == RelationModel.Kind.MANY_TO_MANY) {
                            RelationSides.owningManyToMany(relation, target);
                        } else {
                            RelationSides.backReference(relation, target);
                        }
                    }
                }
            } catch (RowflowException e) {
                messages.add(e.getMessage());
            }
        }
        return messages;
    }

    @SuppressWarnings("unchecked")
    private static DefaultEntityModel<Object> cast(DefaultEntityModel<?> model) {
        return (DefaultEntityModel<Object>) model;
    }

    private Path write(Map<String, String> sources, String name) throws IOException {
        Path root = Files.createDirectories(directory.resolve(name));
        Path demo = Files.createDirectories(root.resolve("src/demo"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Files.writeString(demo.resolve(source.getKey()), source.getValue());
        }
        return root;
    }

    private static List<Diagnostic<? extends JavaFileObject>> compile(Path root, List<String> options, boolean withProcessor)
            throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
             Stream<Path> paths = Files.walk(root.resolve("src"))) {
            List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path")));
            arguments.addAll(options);
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(
                    paths.filter(p -> p.toString().endsWith(".java")).toList());
            compiler.getTask(new StringWriter(), files, diagnostics, arguments, null, units).call();
            return diagnostics.getDiagnostics();
        }
    }

    /** The processor's errors and warnings for classes already compiled, named by their canonical names. */
    static List<Reported> processorReportsForClasses(Path generated, List<String> classNames) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> arguments = List.of("-classpath", System.getProperty("java.class.path"), "-proc:only",
                    "-processor", MetamodelProcessor.class.getName(), "-s", generated.toString());
            compiler.getTask(new StringWriter(), files, diagnostics, arguments, classNames, null).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
                .map(d -> new Reported(d.getKind(), runtimeMessage(d), "")).toList();
    }

    private static String runtimeMessage(Diagnostic<? extends JavaFileObject> diagnostic) {
        String message = diagnostic.getMessage(Locale.ROOT);
        int note = message.indexOf('\n');
        boolean warning = note >= 0 && message.substring(note).strip().equals(MappingChecks.LIKELY.strip());
        return warning ? message.substring(0, note) : message;
    }
}
