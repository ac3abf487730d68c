package io.rowflow.internal.mapping;

import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.mapping.EntityMapping;
import java.util.List;
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

    private final Map<Class<?>, EntityMapping<?>> mappings = new ConcurrentHashMap<>();

    /** Creates an empty cache building models with this naming strategy and these converters, from annotations. */
    public EntityModels(NamingStrategy naming, ConverterRegistry converters) {
        this(naming, converters, List.of());
    }

    /**
     * Creates an empty cache building models with this naming strategy and these converters; the
     * classes of {@code codeMappings} are described by them instead of their annotations.
     */
    public EntityModels(NamingStrategy naming, ConverterRegistry converters, List<EntityMapping<?>> codeMappings) {
        codeMappings.forEach(mapping -> mappings.put(mapping.type(), mapping));
        this.builder = new EntityModelBuilder(naming, converters, this::anyEntity, this::mapping);
    }

    /** The description of a class: its registered code mapping, or what its annotations say. */
    EntityMapping<?> mapping(Class<?> type) {
        EntityMapping<?> mapping = mappings.get(type);
        return mapping != null ? mapping : mappings.computeIfAbsent(type, AnnotationMappings::read);
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
        if (mapping(type).isEntity()) {
            return entity(type);
        }
        DefaultEntityModel<?> model = projections.get(type);
        if (model == null) {
            model = projections.computeIfAbsent(type, builder::projection);
        }
        return (DefaultEntityModel<T>) model;
    }
}
