package io.rowflow.examples.keys;

import io.rowflow.Ref;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** A film in a language, perhaps dubbed from another: two relationships to the same target. */
@Table(name = "film")
public record Film(@Id Integer id, String title,
                   @ManyToOne @JoinColumn(name = "language_id") Ref<Language> language,
                   @ManyToOne @JoinColumn(name = "original_language_id") Ref<Language> originalLanguage) {
}
