package io.rowflow.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.MappingException;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.fixtures.legacy.AnnotatedFilm;
import io.rowflow.fixtures.legacy.LegacyFilm;
import io.rowflow.fixtures.legacy.LegacyLanguage;
import io.rowflow.fixtures.legacy.Mappings;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.mapping.NamingStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A code-based mapping is the same description the annotations give: property by property equal,
 * and built into the same model by the one builder.
 */
class CodeMappingTest {

    private final EntityModels models = new EntityModels(NamingStrategy.SNAKE_CASE,
            new ConverterRegistry(Map.of(), new H2Dialect()), List.of(Mappings.LANGUAGES, Mappings.FILMS));

    @Test
    void aCodeMappingDescribesEveryPropertyExactlyAsTheAnnotationsDo() {
        EntityMapping<?> annotated = AnnotationMappings.read(AnnotatedFilm.class);

        for (String property : List.of("id", "title", "rating", "revision", "language", "cache")) {
            assertThat(Mappings.FILMS.property(property)).as(property).isEqualTo(annotated.property(property));
        }
        assertThat(Mappings.FILMS.table()).isEqualTo(annotated.table());
    }

    @Test
    void theOneBuilderMakesTheSameModelFromEitherSource() {
        DefaultEntityModel<LegacyFilm> coded = models.entity(LegacyFilm.class);
        DefaultEntityModel<AnnotatedFilm> annotated = models.entity(AnnotatedFilm.class);

        assertThat(coded.tableName()).isEqualTo(annotated.tableName()).isEqualTo("legacy_film");
        assertThat(describe(coded)).isEqualTo(describe(annotated))
                .containsExactly("id id generated", "title film_title", "rating rating", "revision revision version",
                        "language language_code");
        assertThat(coded.relation("language").joinColumn().columnName()).isEqualTo("language_code");
        assertThat(coded.key().generatedColumn().columnName()).isEqualTo("id");
    }

    @Test
    void aCodeMappedEntityCanBeTheTargetOfARelationship() {
        DefaultEntityModel<LegacyLanguage> language = models.entity(LegacyLanguage.class);

        assertThat(language.tableName()).isEqualTo("legacy_language");
        assertThat(language.key().column().columnName()).isEqualTo("code");
        assertThat(models.entity(LegacyFilm.class).relation("language").targetType()).isEqualTo(LegacyLanguage.class);
    }

    @Test
    void aMappingNamingAMissingPropertyFailsNamingClassAndProperty() {
        EntityModels broken = new EntityModels(NamingStrategy.SNAKE_CASE,
                new ConverterRegistry(Map.of(), new H2Dialect()),
                List.of(EntityMapping.entity(Ghostly.class).id(Ghostly::getNothing)));

        assertThatThrownBy(() -> broken.entity(Ghostly.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(Ghostly.class.getName()).hasMessageContaining("'nothing'");
    }

    @Test
    void aLambdaInsteadOfAMethodReferenceIsRefused() {
        assertThatThrownBy(() -> EntityMapping.entity(LegacyLanguage.class).id(language -> language.code()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method reference");
    }

    @Test
    void anUnmappedPlainClassIsNoEntity() {
        assertThatThrownBy(() -> new EntityModels(NamingStrategy.SNAKE_CASE,
                new ConverterRegistry(Map.of(), new H2Dialect())).entity(LegacyLanguage.class))
                .isInstanceOf(MappingException.class).hasMessageContaining("EntityMapping");
    }

    private static List<String> describe(DefaultEntityModel<?> model) {
        return model.mappedColumns().stream().map(column -> column.propertyPath() + " " + column.columnName()
                + (column.isGenerated() ? " generated" : "") + (column.isVersion() ? " version" : "")).toList();
    }

    /** A class whose mapping names a getter without a property behind it. */
    static class Ghostly {
        private Long id;

        public Long getNothing() {
            return id;
        }
    }
}
