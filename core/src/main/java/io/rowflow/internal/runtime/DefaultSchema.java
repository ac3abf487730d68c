package io.rowflow.internal.runtime;

import io.rowflow.Schema;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.schema.DdlGenerator;
import io.rowflow.internal.schema.SchemaValidator;
import io.rowflow.observe.OperationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs generated DDL, one statement after another.
 */
final class DefaultSchema implements Schema {

    private final DdlGenerator generator;
    private final Executor executor;
    private final SchemaValidator validator;

    DefaultSchema(DdlGenerator generator, Executor executor, SchemaValidator validator) {
        this.generator = generator;
        this.executor = executor;
        this.validator = validator;
    }

    @Override
    public Mono<Void> validate(Class<?>... entityTypes) {
        return validator.validate(entityTypes);
    }

    @Override
    public Mono<Void> create(Class<?>... entityTypes) {
        return run(creates(entityTypes, false));
    }

    @Override
    public Mono<Void> createIfNotExists(Class<?>... entityTypes) {
        return run(creates(entityTypes, true));
    }

    @Override
    public Mono<Void> drop(Class<?>... entityTypes) {
        return run(drops(entityTypes, false));
    }

    @Override
    public Mono<Void> dropIfExists(Class<?>... entityTypes) {
        return run(drops(entityTypes, true));
    }

    @Override
    public List<String> ddl(Class<?>... entityTypes) {
        return creates(entityTypes, false);
    }

    /** Entity tables in the order given, then the link tables of their many-to-many relationships. */
    private List<String> creates(Class<?>[] entityTypes, boolean ifNotExists) {
        List<String> statements = new ArrayList<>(statements(Arrays.asList(entityTypes),
                type -> generator.createTable(type, ifNotExists)));
        for (Class<?> type : entityTypes) {
            statements.addAll(generator.createJoinTables(type, ifNotExists));
        }
        return statements;
    }

    /** Link tables first, then entity tables in reverse order. */
    private List<String> drops(Class<?>[] entityTypes, boolean ifExists) {
        List<String> statements = new ArrayList<>();
        for (Class<?> type : entityTypes) {
            statements.addAll(generator.dropJoinTables(type, ifExists));
        }
        statements.addAll(statements(reversed(entityTypes), type -> generator.dropTable(type, ifExists)));
        return statements;
    }

    private static List<String> statements(List<Class<?>> types, Function<Class<?>, String> render) {
        return types.stream().map(render).toList();
    }

    private static List<Class<?>> reversed(Class<?>[] types) {
        List<Class<?>> list = new ArrayList<>(Arrays.asList(types));
        Collections.reverse(list);
        return list;
    }

    private Mono<Void> run(List<String> statements) {
        return Flux.fromIterable(statements).concatMap(sql -> executor.update(OperationShape.of(OperationKind.DDL, null), PreparedSql.of(sql))).then();
    }
}
