package io.rowflow.internal.mapping;

import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.mapping.NamingStrategy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of one database, built on first use and cached: entities by their annotations,
 * projections (any record or class read by column name) separately.
 */
public final class EntityModels {

    private final EntityModelBuilder builder;
    private final Map<Class<?>, DefaultEntityModel<?>> entities = new ConcurrentHashMap<>();
    private final Map<Class<?>, DefaultEntityModel<?>> projections = new ConcurrentHashMap<>();

    /** Creates an empty cache building models with this naming strategy and these converters. */
    public EntityModels(NamingStrategy naming, ConverterRegistry converters) {
        this.builder = new EntityModelBuilder(naming, converters, this::anyEntity);
    }

    /** The model of a {@code @Table} entity; throws {@link io.rowflow.MappingException} if it cannot be mapped. */
    @SuppressWarnings("unchecked")
    public <T> DefaultEntityModel<T> entity(Class<T> type) {
        DefaultEntityModel<?> model = entities.get(type);
        if (model == null) {
            model = entities.computeIfAbsent(type, builder::entity);
        }
        return (DefaultEntityModel<T>) model;
    }

    @SuppressWarnings("unchecked")
    private DefaultEntityModel<Object> anyEntity(Class<?> type) {
        return (DefaultEntityModel<Object>) entity(type);
    }

    /** The model of a type rows are read into by column name: an entity, or any record or class. */
    @SuppressWarnings("unchecked")
    public <T> DefaultEntityModel<T> readable(Class<T> type) {
        if (type.isAnnotationPresent(io.rowflow.annotation.Table.class)) {
            return entity(type);
        }
        DefaultEntityModel<?> model = projections.get(type);
        if (model == null) {
            model = projections.computeIfAbsent(type, builder::projection);
        }
        return (DefaultEntityModel<T>) model;
    }
}
