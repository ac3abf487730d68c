package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.audit.Article;
import io.rowflow.examples.audit.Comment;
import io.rowflow.examples.docs.CallbackSnippets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

/** Runs the samples of docs/callbacks-and-auditing.md on H2, with a fixed clock. */
class CallbackSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-12-05T09:30:00Z");

    private Database db;

    @BeforeEach
    void createSchema() {
        db = CallbackSnippets.connect("r2dbc:h2:mem:///callbacks_" + UUID.randomUUID().toString().replace('-', '_')
                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", Clock.fixed(NOW, ZoneOffset.UTC));
        CallbackSnippets.createSchema(db).block(TIMEOUT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void publishingFillsTheSlugAndTheAuditColumnsAndEditingOnlyTheUpdatedOnes() {
        Article published = CallbackSnippets.publish(db).block(TIMEOUT);

        assertThat(published.slug()).isEqualTo("hello-world");
        assertThat(published.createdAt()).isEqualTo(NOW);
        assertThat(published.updatedAt()).isEqualTo(NOW);
        assertThat(published.createdBy()).isEqualTo("alice");
        assertThat(published.updatedBy()).isEqualTo("alice");

        long readBefore = CallbackSnippets.ARTICLES_READ.get();
        Article stored = db.findById(Article.class, published.id()).block(TIMEOUT);
        assertThat(CallbackSnippets.ARTICLES_READ.get()).isEqualTo(readBefore + 1);
        CallbackSnippets.edit(db, stored).block(TIMEOUT);

        Article edited = db.findById(Article.class, published.id()).block(TIMEOUT);
        assertThat(edited.title()).isEqualTo("Hello again");
        assertThat(edited.slug()).isEqualTo("hello-world");
        assertThat(edited.createdBy()).isEqualTo("alice");
        assertThat(edited.updatedBy()).isEqualTo("bob");
    }

    @Test
    void importingManyAuditsEveryRow() {
        List<Article> imported = CallbackSnippets.importMany(db).collectList().block(TIMEOUT);

        assertThat(imported).hasSize(5_000).allSatisfy(article -> {
            assertThat(article.createdBy()).isEqualTo("importer");
            assertThat(article.slug()).startsWith("draft-");
        });
        assertThat(db.sql("select count(*) from article where created_by = 'importer'").mapTo(Long.class).fetchOne()
                .block(TIMEOUT)).isEqualTo(5_000L);
    }

    @Test
    void aCommentMappedInCodeIsAudited() {
        Comment comment = db.insert(new Comment("Nice")).contextWrite(Context.of("user", "carol")).block(TIMEOUT);

        assertThat(comment.getPostedBy()).isEqualTo("carol");
        assertThat(comment.getPostedAt()).isEqualTo(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
    }
}
