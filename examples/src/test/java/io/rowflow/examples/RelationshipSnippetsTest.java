package io.rowflow.examples;

import static io.rowflow.examples.relations.Writer_.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.rowflow.Database;
import io.rowflow.examples.docs.RelationshipSnippets;
import io.rowflow.examples.relations.Novel;
import io.rowflow.examples.relations.Review;
import io.rowflow.examples.relations.Writer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/relationships.md on embedded H2 and checks what they return. */
class RelationshipSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static int databases;

    private String url;
    private Database db;
    private Writer saved;

    @BeforeEach
    void createData() {
        url = "r2dbc:h2:mem:///relationship-snippets-" + (++databases) + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        db = Database.connect(url);
        RelationshipSnippets.createSchema(db).block(TIMEOUT);
        saved = RelationshipSnippets.insertAggregate(db).block(TIMEOUT);
    }

    @Test
    void cascadingInsertStoresTheAggregate() {
        assertThat(saved.id()).isNotNull();
        assertThat(saved.novels()).allSatisfy(n -> assertThat(n.writer().id()).isEqualTo(saved.id()));
        assertThat(db.count(Review.class).block(TIMEOUT)).isEqualTo(3L);
        assertThat(db.sql("select count(*) from lib_novel_subject").mapTo(Long.class).fetchOne().block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void fetchPlansLoadEveryLevel() {
        List<Writer> writers = RelationshipSnippets.writersWithNovelsAndReviews(db).collectList().block(TIMEOUT);
        assertThat(writers).singleElement().satisfies(w -> {
            assertThat(w.novels()).extracting(Novel::title).containsExactly("The Dispossessed", "The Left Hand of Darkness");
            assertThat(w.novels().get(0).reviews()).extracting(Review::stars).containsExactly(5, 4);
        });
        assertThat(RelationshipSnippets.novelsWithTheirWriter(db).collectList().block(TIMEOUT)).containsExactly(
                "The Left Hand of Darkness by Ursula K. Le Guin []",
                "The Dispossessed by Ursula K. Le Guin [space]");
        assertThat(RelationshipSnippets.biggerBatches(db).collectList().block(TIMEOUT)).singleElement()
                .satisfies(w -> assertThat(w.novels()).hasSize(2));
        assertThat(RelationshipSnippets.biggerBatchesForOneCall(db).collectList().block(TIMEOUT)).singleElement()
                .satisfies(w -> assertThat(w.novels()).hasSize(2));
        Database batched = RelationshipSnippets.biggerBatchesForTheDatabase(ConnectionFactories.get(url));
        assertThat(batched.findAll(Writer.class, WRITER.novels).collectList().block(TIMEOUT)).singleElement()
                .satisfies(w -> assertThat(w.novels()).hasSize(2));
        assertThat(RelationshipSnippets.byIdAndAttached(db, saved.id()).block(TIMEOUT).novels()).hasSize(2);
        assertThat(RelationshipSnippets.insideATransaction(db).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void unloadedRuleFilteringAndCascadingUpdate() {
        Writer unloaded = db.findById(Writer.class, saved.id()).block(TIMEOUT);
        assertThat(RelationshipSnippets.unloadedRule(db, unloaded)).isEqualTo("Ursula K. Le Guin: novels not loaded");
        assertThat(RelationshipSnippets.unloadedRule(db, saved)).isEqualTo("Ursula K. Le Guin: 2 novels");
        assertThat(RelationshipSnippets.writersWithRecentNovels(db).collectList().block(TIMEOUT))
                .containsExactly("Ursula K. Le Guin");

        RelationshipSnippets.renameANovel(db, saved.id()).block(TIMEOUT);
        assertThat(db.findAll(Novel.class).map(Novel::title).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrder("THE DISPOSSESSED", "THE LEFT HAND OF DARKNESS");
        assertThat(db.count(Review.class).block(TIMEOUT)).as("unloaded reviews are left alone").isEqualTo(3L);
    }
}
