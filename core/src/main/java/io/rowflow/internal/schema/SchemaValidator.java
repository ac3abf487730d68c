package io.rowflow.internal.schema;

import io.rowflow.SchemaValidationException;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.mapping.MappedRelation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares entity mappings with the live catalog: reads each schema the entities use once, then
 * collects every problem of every entity and fails with one {@link SchemaValidationException}.
 * Keys are compared as lists of columns, so composite keys need no other rule.
 */
public final class SchemaValidator {

    private final EntityModels models;
    private final Dialect dialect;
    private final CatalogReader catalog;

    /** A validator of the models against the catalog this reader reads. */
    public SchemaValidator(EntityModels models, Dialect dialect, CatalogReader catalog) {
        this.models = models;
        this.dialect = dialect;
        this.catalog = catalog;
    }

    /** Completes when the entities match the catalog; see {@link io.rowflow.Schema#validate(Class[])}. */
    public Mono<Void> validate(Class<?>... entityTypes) {
        List<DefaultEntityModel<?>> entities = Arrays.stream(entityTypes)
                .map(type -> models.entity(Objects.requireNonNull(type, "entityTypes")))
                .<DefaultEntityModel<?>>map(model -> model).toList();
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(key(null));
        entities.forEach(model -> schemas.add(key(model.schemaName())));
        return Flux.fromIterable(schemas)
                .concatMap(schema -> catalog.tables(schema.isEmpty() ? null : schema).map(tables -> Map.entry(schema, tables)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(catalogs -> {
                    List<String> problems = problems(entities, catalogs);
                    return problems.isEmpty() ? Mono.empty() : Mono.error(new SchemaValidationException(problems));
                });
    }

    private List<String> problems(List<DefaultEntityModel<?>> entities, Map<String, Map<String, CatalogTable>> catalogs) {
        List<String> problems = new ArrayList<>();
        for (DefaultEntityModel<?> model : entities) {
            Map<String, CatalogTable> tables = catalogs.get(key(model.schemaName()));
            CatalogTable table = tables.get(model.tableName().toLowerCase(Locale.ROOT));
            if (table == null) {
                problems.add(model.type().getName() + ": table '" + model.tableName() + "' does not exist"
                        + (model.schemaName() == null ? "" : " in schema '" + model.schemaName() + "'"));
            } else {
                new TableCheck(model, table, dialect, problems).run();
            }
            linkTables(model, catalogs.get(key(null)), problems);
        }
        return problems;
    }

    private static void linkTables(DefaultEntityModel<?> model, Map<String, CatalogTable> tables, List<String> problems) {
        for (MappedRelation relation : model.mappedRelations()) {
            MappedRelation.JoinTableModel link = relation.joinTable();
            if (link == null) {
                continue;
            }
            CatalogTable table = tables.get(link.name().toLowerCase(Locale.ROOT));
            if (table == null) {
                problems.add(relation.describe() + ": link table '" + link.name() + "' does not exist");
                continue;
            }
            for (String column : List.of(link.joinColumn(), link.inverseColumn())) {
                if (table.column(column) == null) {
                    problems.add(relation.describe() + ": link table '" + link.name() + "' has no column '" + column + "'");
                }
            }
        }
    }

    /** The key of a schema in the catalogs read: its name, or "" for the current schema. */
    private static String key(@Nullable String schema) {
        return schema == null ? "" : schema;
    }

    /** The checks of one entity against its existing table. */
    private record TableCheck(DefaultEntityModel<?> model, CatalogTable table, Dialect dialect, List<String> problems) {

        void run() {
            for (MappedColumn column : model.mappedColumns()) {
                CatalogColumn found = table.column(column.columnName());
                if (found == null) {
                    problems.add(where(column) + ": the column does not exist");
                    continue;
                }
                String typeProblem = ColumnTypeCheck.problem(column, found, dialect);
                if (typeProblem != null) {
                    problems.add(where(column) + ": " + typeProblem);
                }
                if (found.nullable() && !column.nullable()) {
                    problems.add(where(column) + ": the column accepts NULL, but " + whyNotNull(column));
                }
            }
            primaryKey();
        }

        private void primaryKey() {
            List<String> mapped = model.mappedColumns().stream().filter(MappedColumn::isId)
                    .map(column -> column.columnName().toLowerCase(Locale.ROOT)).toList();
            if (table.primaryKey().isEmpty()) {
                problems.add(model.type().getName() + " (table '" + model.tableName() + "'): the table has no primary key, "
                        + "but the mapping's key is (" + String.join(", ", mapped) + ")");
            } else if (!new HashMap<>(counts(table.primaryKey())).equals(counts(mapped))) {
                problems.add(model.type().getName() + " (table '" + model.tableName() + "'): the primary key is ("
                        + String.join(", ", table.primaryKey()) + "), but the mapping's key is (" + String.join(", ", mapped) + ")");
            }
        }

        private static Map<String, Integer> counts(List<String> columns) {
            Map<String, Integer> counts = new HashMap<>();
            columns.forEach(column -> counts.merge(column, 1, Integer::sum));
            return counts;
        }

        private String where(MappedColumn column) {
            return column.describe() + " (table '" + model.tableName() + "', column '" + column.columnName() + "')";
        }

        private static String whyNotNull(MappedColumn column) {
            if (column.javaType().isPrimitive()) {
                return "the property is a primitive " + column.javaType().getName() + ", which cannot hold it";
            }
            if (column.isId()) {
                return "it is a key column of the mapping";
            }
            if (column.isVersion()) {
                return "it is the mapping's @Version";
            }
            return "the mapping declares it @Column(nullable = false)";
        }
    }
}
