package io.rowflow.examples.docs;

import static io.rowflow.examples.relations.Novel_.NOVEL;
import static io.rowflow.examples.relations.Writer_.WRITER;
import static io.rowflow.query.Queries.exists;
import static io.rowflow.query.Queries.select;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.LoadOptions;
import io.rowflow.Relations;
import io.rowflow.examples.relations.Novel;
import io.rowflow.examples.relations.Review;
import io.rowflow.examples.relations.Subject;
import io.rowflow.examples.relations.Writer;
import io.rowflow.sql.FetchPlan;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/relationships.md}, run by {@code RelationshipSnippetsTest}.
 */
public final class RelationshipSnippets {

    private RelationshipSnippets() {
    }

    public static Mono<Void> createSchema(Database db) {
        return db.schema().create(Writer.class, Novel.class, Review.class, Subject.class);
    }

    public static Mono<Writer> insertAggregate(Database db) {
        Subject space = Subject.named("space");
        Writer writer = new Writer(null, "Ursula K. Le Guin", List.of(
                Novel.of("The Dispossessed", 1974, List.of(Review.of(5), Review.of(4)), Set.of(space)),
                Novel.of("The Left Hand of Darkness", 1969, List.of(Review.of(5)), Set.of())));
        return db.insert(writer);    // writer, then novels with its id, reviews, subjects and links: one transaction
    }

    public static Flux<Writer> writersWithNovelsAndReviews(Database db) {
        return db.fetch(select(WRITER)
                .orderBy(WRITER.name.asc())
                .with(WRITER.novels.then(NOVEL.reviews)));
    }

    public static Flux<String> novelsWithTheirWriter(Database db) {
        return db.fetch(select(NOVEL).with(NOVEL.writer, NOVEL.subjects).orderBy(NOVEL.year.asc()))
                .map(novel -> novel.title() + " by " + novel.writer().get().name()
                        + " " + novel.subjects().stream().map(Subject::name).sorted().toList());
    }

    public static Flux<Writer> biggerBatches(Database db) {
        return db.fetch(select(WRITER).with(WRITER.novels).batchSize(1_000));
    }

    public static Database biggerBatchesForTheDatabase(ConnectionFactory connectionFactory) {
        return Database.builder(connectionFactory)
                .relationBatchSize(1_000)                   // parents per follow-up query; 256 by default
                .build();
    }

    public static Flux<Writer> biggerBatchesForOneCall(Database db) {
        return db.findAll(Writer.class, LoadOptions.batchesOf(1_000), WRITER.novels);
    }

    public static Mono<Writer> byIdAndAttached(Database db, long writerId) {
        Mono<Writer> one = db.findById(Writer.class, writerId, WRITER.novels);
        Flux<Novel> attached = db.load(db.findAll(Novel.class), NOVEL.writer, FetchPlan.of("reviews"));
        return attached.then(one);
    }

    public static String unloadedRule(Database db, Writer writer) {
        if (!Relations.isLoaded(writer.novels())) {    // reading writer.novels() would throw RelationNotLoadedException
            return writer.name() + ": novels not loaded";
        }
        return writer.name() + ": " + writer.novels().size() + " novels";
    }

    public static Flux<String> writersWithRecentNovels(Database db) {
        return db.fetch(select(WRITER.name)
                .where(exists(select(NOVEL).where(NOVEL.writer.eq(WRITER).and(NOVEL.year.gt(1970))))));
    }

    public static Mono<Writer> renameANovel(Database db, long writerId) {
        return db.findById(Writer.class, writerId, WRITER.novels)
                .flatMap(writer -> db.update(new Writer(writer.id(), writer.name(), writer.novels().stream()
                        .map(n -> new Novel(n.id(), n.title().toUpperCase(), n.year(), n.writer(), n.reviews(), n.subjects()))
                        .toList())));
    }

    public static Flux<Writer> insideATransaction(Database db) {
        return db.inTransaction(tx -> db.fetch(select(WRITER).with(WRITER.novels)));
    }
}
