package io.rowflow.internal.runtime;

import io.rowflow.Schema;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.schema.DdlGenerator;
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

    DefaultSchema(DdlGenerator generator, Executor executor) {
        this.generator = generator;
        this.executor = executor;
    }

    @Override
    public Mono<Void> create(Class<?>... entityTypes) {
        return run(statements(Arrays.asList(entityTypes), type -> generator.createTable(type, false)));
    }

    @Override
    public Mono<Void> createIfNotExists(Class<?>... entityTypes) {
        return run(statements(Arrays.asList(entityTypes), type -> generator.createTable(type, true)));
    }

    @Override
    public Mono<Void> drop(Class<?>... entityTypes) {
        return run(statements(reversed(entityTypes), type -> generator.dropTable(type, false)));
    }

    @Override
    public Mono<Void> dropIfExists(Class<?>... entityTypes) {
        return run(statements(reversed(entityTypes), type -> generator.dropTable(type, true)));
    }

    @Override
    public List<String> ddl(Class<?>... entityTypes) {
        return statements(Arrays.asList(entityTypes), type -> generator.createTable(type, false));
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
        return Flux.fromIterable(statements).concatMap(sql -> executor.update(PreparedSql.of(sql))).then();
    }
}
