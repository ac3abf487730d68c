package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Join;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.internal.model.SelectModel;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the SQL text of one statement from the query model and collects its bind values. Every
 * value becomes a bind marker; every identifier comes from the mapping model, quoted by the
 * dialect; tables get generated aliases ({@code t0}, {@code t1}, ...) in order of appearance, so
 * the same query shape always yields the same text. One writer renders one statement.
 */
final class SqlWriter {

    /** What the select list of a rendered select is. */
    enum Mode {
        /** The statement's projection. */
        ROWS,
        /** {@code COUNT(*)} of the matching rows. */
        COUNT,
        /** {@code 1}, limited to one row. */
        EXISTS
    }

    private final Dialect dialect;
    private final EntityModels models;
    private final ConverterRegistry converters;
    private final ReferencePredicates referencePredicates;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> binds = new ArrayList<>();
    private final TableConditions conditions;
    private int nextAlias;
    private int keySlot = -1;

    SqlWriter(Dialect dialect, EntityModels models, ConverterRegistry converters, TableConditions conditions) {
        this.dialect = dialect;
        this.models = models;
        this.converters = converters;
        this.conditions = conditions;
        this.referencePredicates = new ReferencePredicates(models);
    }

    PreparedSql toStatement() {
        return new PreparedSql(sql.toString(), binds.toArray());
    }

    /** The keyed read written by {@link #read}, its key values to be bound per execution. */
    ReadTemplate toTemplate(KeyedRead read) {
        return new ReadTemplate(sql.toString(), binds.toArray(), keySlot, read.match(), converters);
    }

    SqlWriter append(String text) {
        sql.append(text);
        return this;
    }

    // ---- select ----

    /** Writes a select; returns the scope of its tables (for reading the projection). */
    Scope select(SelectModel<?> statement, @Nullable Scope parent, Mode mode) {
        return select(statement, parent, mode, null);
    }

    /**
     * Writes a keyed read: its select, the link table it goes through (whose owner column follows
     * the selected columns), and its key match before any other condition, with a placeholder per
     * key value, remembered for {@link #toTemplate}.
     */
    void read(KeyedRead read) {
        select(read.select(), null, read.mode(), read);
    }

    private Scope select(SelectModel<?> statement, @Nullable Scope parent, Mode mode, @Nullable KeyedRead read) {
        Scope scope = new Scope(parent);
        register(scope, statement);
        LinkTable link = read == null ? null : read.link();
        String linkAlias = link == null ? null : "t" + nextAlias++;
        String linkColumn = link == null ? null : linkAlias + "." + dialect.quote(link.ownerColumn());
        KeyedRead.Match match = read == null ? null : read.match();
        Long perKey = match == null || mode != Mode.ROWS ? null : read.perKeyLimit();
        Scope.Entry from = scope.resolve(statement.from());
        String lateral = null;
        if (perKey != null) {
            int columns = from.model().mappedColumns().size() + (link == null ? 0 : 1);
            sql.append("SELECT ");
            for (int i = 0; i < columns; i++) {
                sql.append(i == 0 ? "" : ", ").append("rf.c").append(i);
            }
            sql.append(" FROM ");
            lateral = match.form() == KeyedRead.Form.ARRAYS ? lateralKeys(match) : null;
            sql.append(lateral == null ? "(" : " CROSS JOIN LATERAL (");
        }
        sql.append("SELECT ");
        if (statement.distinct() && mode == Mode.ROWS) {
            sql.append("DISTINCT ");
        }
        switch (mode) {
            case ROWS -> projection(statement.projection(), scope, perKey != null);
            case COUNT -> sql.append("COUNT(*)");
            case EXISTS -> sql.append('1');
        }
        if (link != null && mode == Mode.ROWS) {
            sql.append(", ").append(linkColumn);
            if (perKey != null) {
                sql.append(" AS c").append(from.model().mappedColumns().size());
            }
        }
        if (perKey != null) {
            rank(statement, scope, lateral != null ? List.of() : tested(match, from, linkColumn));
        }
        fromClause(statement, scope);
        if (link != null) {
            sql.append(" JOIN ").append(dialect.quote(link.name())).append(' ').append(linkAlias).append(" ON ")
                    .append(linkAlias).append('.').append(dialect.quote(link.targetColumn())).append(" = ");
            qualified(from, from.model().key().column());
        }
        Predicate where = filter(statement, scope);
        if (match != null) {
            sql.append(" WHERE ");
            if (lateral != null) {
                lateralMatch(tested(match, from, linkColumn));
            } else {
                keyMatch(match, from, linkColumn);
            }
            if (where != null) {
                sql.append(" AND ");
                predicate(where, scope);
            }
        } else if (where != null) {
            sql.append(" WHERE ");
            predicate(where, scope);
        }
        if (!statement.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            list(statement.groupBy(), scope);
        }
        if (statement.having() != null) {
            sql.append(" HAVING ");
            predicate(statement.having(), scope);
        }
        if (mode == Mode.ROWS && !statement.orderBy().isEmpty() && (perKey == null || lateral != null)) {
            sql.append(" ORDER BY ");
            sortKeys(statement, scope);
        }
        if (mode == Mode.EXISTS) {
            sql.append(dialect.paging(marker(1L), null));
        } else if (perKey != null) {
            sql.append(lateral != null ? dialect.paging(marker(perKey), null) + ") rf ORDER BY rf.rf_rank"
                    : ") rf WHERE rf.rf_rank <= " + marker(perKey) + " ORDER BY rf.rf_rank");
        } else if (mode == Mode.ROWS && (statement.limit() != null || statement.offset() != null)) {
            String limit = statement.limit() == null ? null : marker(statement.limit());
            String offset = statement.offset() == null ? null : marker(statement.offset());
            sql.append(dialect.paging(limit, offset));
        }
        return scope;
    }

    private void sortKeys(SelectModel<?> statement, Scope scope) {
        for (int i = 0; i < statement.orderBy().size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            sortKey(statement.orderBy().get(i), scope);
        }
    }

    /**
     * The rank of a row among the rows of its key value, in the select's order: the column a
     * per-key limit is applied to when the keys cannot be joined laterally, and the order of the
     * enclosing select either way (so each key's rows come in the plan's order).
     */
    private void rank(SelectModel<?> statement, Scope scope, List<String> partition) {
        sql.append(", ROW_NUMBER() OVER (");
        if (!partition.isEmpty()) {
            sql.append("PARTITION BY ").append(String.join(", ", partition));
        }
        if (!statement.orderBy().isEmpty()) {
            sql.append(partition.isEmpty() ? "ORDER BY " : " ORDER BY ");
            sortKeys(statement, scope);
        }
        sql.append(") AS rf_rank");
    }

    /**
     * The key values as a table joined laterally, one bound array per key column (the dialect's
     * {@link Dialect#keyTable}); {@code null}, with nothing written, when the dialect has none.
     */
    private @Nullable String lateralKeys(KeyedRead.Match match) {
        List<MappedColumn> columns = match.key().columns();
        List<String> names = new ArrayList<>(columns.size());
        List<String> markers = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            names.add("k" + i);
            markers.add(dialect.bindMarker(binds.size() + i, null));
        }
        String table = dialect.keyTable(markers, columns.stream().<Class<?>>map(MappedColumn::storedType).toList(),
                "rf_keys", names);
        if (table == null) {
            return null;
        }
        keySlot = binds.size();
        for (int i = 0; i < columns.size(); i++) {
            binds.add(null);
        }
        sql.append(table);
        return table;
    }

    /** Each tested key column equals its column of the lateral key table. */
    private void lateralMatch(List<String> tested) {
        for (int i = 0; i < tested.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(tested.get(i)).append(" = rf_keys.k").append(i);
        }
    }

    /** The expressions a key match tests: the key columns of {@code table}, or the link's owner column. */
    private List<String> tested(KeyedRead.Match match, Scope.Entry table, @Nullable String linkColumn) {
        List<String> tested = new ArrayList<>(match.key().columns().size());
        for (MappedColumn column : match.key().columns()) {
            tested.add(linkColumn != null ? linkColumn : render(() -> qualified(table, column)));
        }
        return tested;
    }

    /**
     * One sort key. Where the dialect cannot place nulls itself, a leading {@code x IS NULL} key
     * does (true sorts after false); the expression is rendered, and its values bound, twice.
     */
    private void sortKey(OrderItem item, Scope scope) {
        OrderItem.Nulls nulls = item.nulls();
        if (nulls != OrderItem.Nulls.DEFAULT && !dialect.supports(Feature.NULLS_ORDERING)) {
            String isNull = render(() -> expression(item.expression(), scope, null)) + " IS NULL";
            sql.append(dialect.sortKey(isNull, nulls == OrderItem.Nulls.FIRST, OrderItem.Nulls.DEFAULT)).append(", ");
            nulls = OrderItem.Nulls.DEFAULT;
        }
        String key = render(() -> expression(item.expression(), scope, null));
        sql.append(dialect.sortKey(key, item.descending(), nulls));
    }

    private void register(Scope scope, SelectModel<?> statement) {
        if (statement.from() == null) {
            throw new QueryException("The query selects no table: add from(...)");
        }
        scope.add(statement.from(), models.entity(statement.from().entityType()), "t" + nextAlias++);
        for (Join join : statement.joins()) {
            scope.add(join.table(), models.entity(join.table().entityType()), "t" + nextAlias++);
        }
    }

    private void fromClause(SelectModel<?> statement, Scope scope) {
        Scope.Entry from = scope.resolve(statement.from());
        sql.append(" FROM ").append(EntitySql.qualifiedTable(from.model(), dialect)).append(' ').append(from.qualifier());
        for (Join join : statement.joins()) {
            Scope.Entry joined = scope.resolve(join.table());
            sql.append(join.type() == Join.JoinType.LEFT ? " LEFT JOIN " : " JOIN ")
                    .append(EntitySql.qualifiedTable(joined.model(), dialect)).append(' ').append(joined.qualifier())
                    .append(" ON ");
            predicate(withCondition(join.on(), joined), scope);
        }
    }

    /** A predicate together with the table condition of an entity's appearance, if it has one. */
    private Predicate withCondition(Predicate predicate, Scope.Entry table) {
        Predicate condition = conditions.on(table.table(), table.model());
        return condition == null ? predicate : new Predicate.And(List.of(predicate, condition));
    }

    /** The selected columns; {@code named} gives them the names {@code c0, c1, ...} for an enclosing select. */
    private void projection(Projection<?> projection, Scope scope, boolean named) {
        if (projection instanceof Projection.Entity<?> entity) {
            Scope.Entry entry = scope.resolve(entity.table());
            List<MappedColumn> columns = entry.model().mappedColumns();
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ");
                qualified(entry, columns.get(i));
                if (named) {
                    sql.append(" AS c").append(i);
                }
            }
        } else if (projection instanceof Projection.Values<?> values) {
            list(values.expressions(), scope);
        }
    }

    /**
     * The statement's filter combined with its keyset condition and the table condition of its
     * {@code FROM} table, if any ({@code null} when there is none of them).
     */
    private @Nullable Predicate filter(SelectModel<?> statement, Scope scope) {
        List<Predicate> parts = new ArrayList<>(3);
        if (statement.where() != null) {
            parts.add(statement.where());
        }
        if (!statement.seekAfter().isEmpty()) {
            parts.add(Keyset.after(statement.orderBy(), statement.seekAfter()));
        }
        Scope.Entry from = scope.resolve(statement.from());
        Predicate condition = conditions.on(from.table(), from.model());
        if (condition != null) {
            parts.add(condition);
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Predicate.And(parts);
    }

    // ---- key matches ----

    /**
     * The key match of a keyed read, a placeholder bound per key value (or per key column for
     * arrays): on the key columns of {@code table}, or on the link's owner column when given.
     */
    private void keyMatch(KeyedRead.Match match, Scope.Entry table, @Nullable String linkColumn) {
        List<MappedColumn> columns = match.key().columns();
        List<String> tested = tested(match, table, linkColumn);
        keySlot = binds.size();
        switch (match.form()) {
            case EQUAL -> {
                for (int i = 0; i < columns.size(); i++) {
                    sql.append(i == 0 ? "" : " AND ").append(tested.get(i)).append(" = ")
                            .append(marker(null, columns.get(i).databaseType()));
                }
            }
            case ARRAYS -> sql.append(keyArrays(columns, tested));
            case LIST -> keyList(columns, tested, match.size());
        }
    }

    /**
     * {@code = ANY($1)} for one column (cast to the array of its declared type), the dialect's
     * arrays test for several ({@link Dialect#inArrays}).
     */
    private String keyArrays(List<MappedColumn> columns, List<String> tested) {
        if (columns.size() == 1) {
            return dialect.inArray(tested.get(0), marker(null, arrayTypeOf(columns.get(0))));
        }
        List<String> markers = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            markers.add(marker(null));
        }
        String test = dialect.inArrays(tested, markers, columns.stream().<Class<?>>map(MappedColumn::storedType).toList());
        if (test == null) {
            throw new IllegalStateException(dialect.name() + " cannot test " + tested + " against arrays");
        }
        return test;
    }

    /** {@code a IN ($1, $2)}, or {@code ((a = $1 AND b = $2) OR (...))} for several columns. */
    private void keyList(List<MappedColumn> columns, List<String> tested, int size) {
        if (columns.size() == 1) {
            sql.append(tested.get(0)).append(" IN (");
            for (int k = 0; k < size; k++) {
                sql.append(k == 0 ? "" : ", ").append(marker(null, columns.get(0).databaseType()));
            }
            sql.append(')');
            return;
        }
        sql.append(size == 1 ? "" : "(");
        for (int k = 0; k < size; k++) {
            sql.append(k == 0 ? "(" : " OR (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "" : " AND ").append(tested.get(c)).append(" = ")
                        .append(marker(null, columns.get(c).databaseType()));
            }
            sql.append(')');
        }
        sql.append(size == 1 ? "" : ")");
    }

    // ---- expressions ----

    void expression(Expression expression, Scope scope, @Nullable MappedColumn hint) {
        if (expression instanceof Expression.Column column) {
            Scope.Entry entry = scope.resolve(column.table());
            qualified(entry, Scope.column(entry, column.propertyPath()));
        } else if (expression instanceof Expression.Value value) {
            value(value.value(), hint, true);
        } else if (expression instanceof Expression.Function function) {
            List<String> arguments = new ArrayList<>(function.arguments().size());
            for (Expression argument : function.arguments()) {
                arguments.add(render(() -> expression(argument, scope, hint)));
            }
            sql.append(dialect.function(function.function(), arguments));
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            MappedColumn operandHint = hintOf(scope, arithmetic.left(), arithmetic.right());
            sql.append('(');
            operand(arithmetic.left(), scope, operandHint);
            sql.append(' ').append(arithmetic.operator().symbol()).append(' ');
            operand(arithmetic.right(), scope, operandHint);
            sql.append(')');
        } else if (expression instanceof Expression.Aggregate aggregate) {
            sql.append(aggregate.function().name()).append('(');
            if (aggregate.argument() == null) {
                sql.append('*');
            } else {
                sql.append(aggregate.distinct() ? "DISTINCT " : "");
                expression(aggregate.argument(), scope, null);
            }
            sql.append(')');
        } else if (expression instanceof Expression.Subquery subquery) {
            sql.append('(');
            select(SelectModel.of(subquery.query()), scope, Mode.ROWS);
            sql.append(')');
        }
    }

    /**
     * An operand of arithmetic: a value is converted like the column beside it, but not cast to the
     * column's declared type ({@code stock + 1}, never {@code stock + $1::positive_int}).
     */
    private void operand(Expression operand, Scope scope, @Nullable MappedColumn hint) {
        if (operand instanceof Expression.Value value) {
            value(value.value(), hint, false);
        } else {
            expression(operand, scope, hint);
        }
    }

    private void qualified(Scope.Entry entry, MappedColumn column) {
        if (entry.qualifier() != null) {
            sql.append(entry.qualifier()).append('.');
        }
        sql.append(dialect.quote(column.columnName()));
    }

    private void list(List<Expression> expressions, Scope scope) {
        for (int i = 0; i < expressions.size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            expression(expressions.get(i), scope, null);
        }
    }

    /**
     * Binds a value, converted the way the hinted column stores values when it fits, its marker
     * cast to the column's declared database type when {@code cast} (compared or assigned to it).
     */
    private void value(@Nullable Object value, @Nullable MappedColumn hint, boolean cast) {
        if (value == null) {
            sql.append("NULL");
            return;
        }
        String databaseType = cast && hint != null ? hint.databaseType() : null;
        if (value instanceof ContextValue deferred) {
            ConverterRegistry registry = converters;
            sql.append(marker((PreparedSql.Deferred) context -> {
                Object resolved = deferred.valueIn(context);
                return codecFor(registry, resolved, hint).toDatabase(resolved);
            }, databaseType));
            return;
        }
        sql.append(marker(codecFor(value, hint).toDatabase(value), databaseType));
    }

    private ValueCodec codecFor(Object value, @Nullable MappedColumn hint) {
        return codecFor(converters, value, hint);
    }

    private static ValueCodec codecFor(ConverterRegistry converters, Object value, @Nullable MappedColumn hint) {
        if (hint != null && wrapped(hint.javaType()).isInstance(value)) {
            return hint.codec();
        }
        ValueCodec codec = converters.codecForValue(value);
        if (codec == null) {
            throw new QueryException("Cannot bind a value of type " + value.getClass().getName()
                    + ": no converter for it; register one on the Database");
        }
        return codec;
    }

    private String marker(@Nullable Object driverValue) {
        return marker(driverValue, null);
    }

    /** Binds a driver value; the marker is cast to a column's declared database type, if given. */
    private String marker(@Nullable Object driverValue, @Nullable String databaseType) {
        String marker = dialect.bindMarker(binds.size(), databaseType);
        binds.add(driverValue);
        return marker;
    }

    /** The column a value operand should be converted for: the other operand, when it is a column. */
    private static @Nullable MappedColumn hintOf(Scope scope, Expression... operands) {
        for (Expression operand : operands) {
            if (operand instanceof Expression.Column column) {
                return Scope.column(scope.resolve(column.table()), column.propertyPath());
            }
        }
        return null;
    }

    // ---- predicates ----

    void predicate(Predicate predicate, Scope scope) {
        Predicate expanded = expandReferences(predicate, scope);
        if (expanded != null) {
            predicate(expanded, scope);
        } else if (predicate instanceof Predicate.Comparison comparison) {
            comparison(comparison, scope);
        } else if (predicate instanceof Predicate.InList in) {
            inList(in, scope);
        } else if (predicate instanceof Predicate.InSubquery in) {
            expression(in.expression(), scope, null);
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            select(SelectModel.of(in.query()), scope, Mode.ROWS);
            sql.append(')');
        } else if (predicate instanceof Predicate.Between between) {
            MappedColumn hint = hintOf(scope, between.expression());
            expression(between.expression(), scope, hint);
            sql.append(" BETWEEN ");
            expression(between.low(), scope, hint);
            sql.append(" AND ");
            expression(between.high(), scope, hint);
        } else if (predicate instanceof Predicate.Like like) {
            String text = render(() -> expression(like.expression(), scope, null));
            String pattern = render(() -> expression(like.pattern(), scope, null));
            sql.append(like.ignoreCase() ? dialect.likeIgnoringCase(text, pattern) : text + " LIKE " + pattern);
            sql.append(" ESCAPE '").append(Predicate.LIKE_ESCAPE).append('\'');
        } else if (predicate instanceof Predicate.IsNull isNull) {
            expression(isNull.expression(), scope, null);
            sql.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (predicate instanceof Predicate.And and) {
            junction(and.predicates(), " AND ", "1 = 1", scope);
        } else if (predicate instanceof Predicate.Or or) {
            junction(or.predicates(), " OR ", "1 = 0", scope);
        } else if (predicate instanceof Predicate.Not not) {
            sql.append("NOT (");
            predicate(not.predicate(), scope);
            sql.append(')');
        } else if (predicate instanceof Predicate.Exists exists) {
            sql.append(exists.negated() ? "NOT EXISTS (" : "EXISTS (");
            select(SelectModel.of(exists.query()), scope, Mode.EXISTS);
            sql.append(')');
        }
    }

    /** A condition on a relationship as conditions on its foreign-key columns, or {@code null} for any other. */
    private @Nullable Predicate expandReferences(Predicate predicate, Scope scope) {
        if (predicate instanceof Predicate.References references) {
            return referencePredicates.references(scope, references);
        }
        if (predicate instanceof Predicate.IsNull isNull) {
            return referencePredicates.isNull(scope, isNull);
        }
        if (predicate instanceof Predicate.Comparison comparison) {
            return referencePredicates.comparison(scope, comparison);
        }
        return null;
    }

    private void comparison(Predicate.Comparison comparison, Scope scope) {
        if (isNullValue(comparison.left()) || isNullValue(comparison.right())) {
            throw new QueryException("Comparing with NULL using " + comparison.operator().symbol()
                    + " is never true; use isNull() or isNotNull()");
        }
        MappedColumn hint = hintOf(scope, comparison.left(), comparison.right());
        expression(comparison.left(), scope, hint);
        sql.append(' ').append(comparison.operator().symbol()).append(' ');
        expression(comparison.right(), scope, hint);
    }

    private static boolean isNullValue(Expression expression) {
        return expression instanceof Expression.Value value && value.value() == null;
    }

    private void inList(Predicate.InList in, Scope scope) {
        if (in.values().isEmpty()) {
            sql.append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        MappedColumn hint = hintOf(scope, in.expression());
        boolean allValues = in.values().stream().allMatch(v -> v instanceof Expression.Value value && value.value() != null);
        if (allValues && dialect.supports(Feature.ARRAY_PARAMETERS)) {
            String tested = render(() -> expression(in.expression(), scope, hint));
            String test = dialect.inArray(tested, marker(array(in.values(), hint), arrayTypeOf(hint)));
            sql.append(in.negated() ? "NOT (" + test + ")" : test);
            return;
        }
        expression(in.expression(), scope, hint);
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            expression(in.values().get(i), scope, hint);
        }
        sql.append(')');
    }

    /** The array type of a column's declared database type ({@code mpaa_rating[]}), or {@code null}. */
    private static @Nullable String arrayTypeOf(@Nullable MappedColumn column) {
        String declared = column == null ? null : column.databaseType();
        return declared == null || declared.endsWith("]") ? null : declared + "[]";
    }

    private Object array(List<Expression> values, @Nullable MappedColumn hint) {
        Object first = ((Expression.Value) values.get(0)).value();
        ValueCodec codec = codecFor(first, hint);
        Object array = Array.newInstance(codec.storedType(), values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = ((Expression.Value) values.get(i)).value();
            Array.set(array, i, codecFor(value, hint).toDatabase(value));
        }
        return array;
    }

    private void junction(List<Predicate> predicates, String operator, String empty, Scope scope) {
        if (predicates.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < predicates.size(); i++) {
            sql.append(i == 0 ? "" : operator);
            predicate(predicates.get(i), scope);
        }
        sql.append(')');
    }

    /** Renders into a separate string (for a dialect that wraps the text, such as a sort key). */
    private String render(Runnable writer) {
        int start = sql.length();
        writer.run();
        String rendered = sql.substring(start);
        sql.setLength(start);
        return rendered;
    }

    // ---- data change ----

    /** Registers the target of an update or delete; its columns render as {@code table.column}. */
    Scope target(io.rowflow.sql.TableRef target) {
        Scope scope = new Scope(null);
        DefaultEntityModel<?> model = models.entity(target.entityType());
        scope.add(target, model, dialect.quote(model.tableName()));
        return scope;
    }

    static Class<?> wrapped(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }
}
