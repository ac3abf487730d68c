package io.rowflow.internal.runtime;

import io.rowflow.MappingException;
import io.rowflow.QueryException;
import io.rowflow.RowMapper;
import io.rowflow.RowQuery;
import io.rowflow.SqlQuery;
import io.rowflow.annotation.EnumType;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.callback.Lifecycle;
import io.rowflow.internal.callback.Callbacks;
import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.sql.NamedParameters;
import io.rowflow.observe.OperationKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The immutable raw-SQL query: parsed once, each bind copies the small map of bound values.
 */
final class DefaultSqlQuery implements SqlQuery {

    private final NamedParameters parameters;
    private final Map<String, Bound> binds;
    private final Executor executor;
    private final ConverterRegistry converters;
    private final EntityModels models;
    private final int fetchSize;
    private final Callbacks callbacks;

    private DefaultSqlQuery(NamedParameters parameters, Map<String, Bound> binds, Executor executor,
                    ConverterRegistry converters, EntityModels models, int fetchSize, Callbacks callbacks) {
        this.callbacks = callbacks;
        this.fetchSize = fetchSize;
        this.parameters = parameters;
        this.binds = binds;
        this.executor = executor;
        this.converters = converters;
        this.models = models;
    }

    static DefaultSqlQuery of(NamedParameters parameters, Executor executor, ConverterRegistry converters,
                              EntityModels models, Callbacks callbacks) {
        return new DefaultSqlQuery(parameters, Map.of(), executor, converters, models, 0, callbacks);
    }

    @Override
    public SqlQuery bind(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            throw new QueryException("Cannot bind null to :" + name + "; use bindNull(name, type)");
        }
        ValueCodec codec = converters.codecForValue(value);
        if (codec == null) {
            throw new QueryException("Cannot bind a " + value.getClass().getName() + " to :" + name
                    + ": no converter for that type");
        }
        return with(name, new Bound(codec, value));
    }

    @Override
    public SqlQuery bindNull(String name, Class<?> type) {
        Objects.requireNonNull(name, "name");
        ValueCodec codec = converters.codecFor(Objects.requireNonNull(type, "type"), EnumType.NAME);
        if (codec == null) {
            throw new QueryException("Cannot bind NULL of " + type.getName() + " to :" + name + ": no converter for that type");
        }
        return with(name, new Bound(codec, null));
    }

    /** A bound Java value and the codec that converts it when the statement is prepared. */
    private record Bound(ValueCodec codec, @Nullable Object value) {
        Object toDriverValue() {
            Object converted = codec.toDatabase(value);
            return converted == null ? new PreparedSql.NullValue(codec.storedType()) : converted;
        }
    }

    private SqlQuery with(String name, Bound bound) {
        if (!parameters.names().contains(name)) {
            throw new QueryException("The SQL has no parameter :" + name + "; its parameters are "
                    + parameters.names() + " in: " + parameters.sql());
        }
        Map<String, Bound> copy = new HashMap<>(binds);
        copy.put(name, bound);
        return new DefaultSqlQuery(parameters, Map.copyOf(copy), executor, converters, models, fetchSize, callbacks);
    }

    @Override
    public SqlQuery fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetchSize must not be negative: " + rows);
        }
        return new DefaultSqlQuery(parameters, binds, executor, converters, models, rows, callbacks);
    }

    @Override
    public <T> RowQuery<T> map(RowMapper<T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new DefaultRowQuery<>(executor, OperationShape.of(OperationKind.SQL, null), fetchSize, this::prepare,
                () -> (row, metadata) -> mapper.map(new DefaultResultRow(row, metadata, converters)), rows -> rows);
    }

    @Override
    public <T> RowQuery<T> mapTo(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (isScalar(type)) {
            return map(row -> {
                T value = row.get(0, type);
                if (value == null) {
                    throw new MappingException("The first column is NULL but the query maps to " + type.getName()
                            + "; map with a RowMapper to handle NULL");
                }
                return value;
            });
        }
        var model = models.readable(type);
        return new DefaultRowQuery<>(executor, OperationShape.of(OperationKind.SQL, type), fetchSize, this::prepare,
                () -> EntityRowMapper.byName(model), rows -> callbacks.of(model).applyAll(Lifecycle.AFTER_LOAD, rows));
    }

    private boolean isScalar(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")
                || type == BigDecimal.class || type == BigInteger.class
                || converters.codecFor(type, EnumType.NAME) != null;
    }

    @Override
    public Mono<Long> execute() {
        return Mono.defer(() -> executor.update(OperationShape.of(OperationKind.SQL, null), prepare()));
    }

    @Override
    public String sql() {
        return parameters.sql();
    }

    @Override
    public @Nullable Object boundValue(String name) {
        Bound bound = binds.get(name);
        return bound == null ? null : bound.value();
    }

    private PreparedSql prepare() {
        Object[] values = new Object[parameters.occurrences().size()];
        for (int i = 0; i < values.length; i++) {
            String name = parameters.occurrences().get(i);
            Bound bound = binds.get(name);
            if (bound == null) {
                throw new QueryException("Parameter :" + name + " is not bound in: " + parameters.sql());
            }
            values[i] = bound.toDriverValue();
        }
        return new PreparedSql(parameters.sql(), values);
    }

    @Override
    public String toString() {
        return parameters.sql();
    }
}
