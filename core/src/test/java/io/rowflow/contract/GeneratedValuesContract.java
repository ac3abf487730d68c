package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.DatabaseBuilder;
import io.rowflow.MappingException;
import io.rowflow.QueryException;
import io.rowflow.fixtures.generated.Board;
import io.rowflow.fixtures.generated.Card;
import io.rowflow.fixtures.generated.Invoice;
import io.rowflow.fixtures.generated.Note;
import io.rowflow.fixtures.generated.NoteRecord;
import io.rowflow.fixtures.generated.OrderedToken;
import io.rowflow.fixtures.generated.RandomToken;
import io.rowflow.fixtures.generated.SmallTicket;
import io.rowflow.fixtures.generated.Ticket;
import io.rowflow.fixtures.generated.TicketRecord;
import io.rowflow.mapping.IdGenerator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Columns the database fills and keys Rowflow generates, on each database over hand-written DDL:
 * a {@code DEFAULT} creation time, a default the application may override, a stored generated
 * column, a read-only column, columns a trigger sets on insert and update, an identity key, keys
 * from a sequence (fetched in blocks by {@code insertAll}), UUID v4 and v7 keys and a custom
 * generator — for mutable classes and records, through insert, insertAll, update and upsert.
 */
public abstract class GeneratedValuesContract extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicInteger invoiceNumbers = new AtomicInteger();

    /**
     * Statements creating {@code ticket_seq} (starting at 1000) and the {@code ticket} table:
     * {@code id bigint} key, {@code title} text, {@code created_at} timestamp default now,
     * {@code status} default {@code 'open'}, {@code title_length} generated as the title's length
     * and stored, {@code owner} default {@code 'dba'}.
     */
    protected abstract List<String> ticketDdl();

    /**
     * Statements creating the {@code note} table: an identity key, {@code body}, {@code created_at}
     * default now, and {@code edits}/{@code updated_at} that a trigger sets (1 and now on insert,
     * {@code edits + 1} and now on update).
     */
    protected abstract List<String> noteDdl();

    /**
     * Statements creating {@code board (id bigint key, name, created_at default now)} and
     * {@code card (id uuid key, label, label_length generated as the label's length and stored,
     * board_id referencing board)}, after dropping them.
     */
    protected abstract List<String> boardDdl();

    /** Statements creating {@code token (id uuid primary key, label)}. */
    protected abstract List<String> tokenDdl();

    /** The statements an {@code insertAll} of 10,000 tickets takes: sequence blocks and inserts together. */
    protected abstract int statementsToInsertTenThousandTickets();

    /** The statements an update of a ticket takes, reading back its generated column. */
    protected abstract int statementsToUpdateAndReadBack();

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[0];
    }

    @Override
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder.idGenerator("invoiceNumbers",
                count -> Flux.range(0, count).map(i -> "INV-" + invoiceNumbers.incrementAndGet()));
    }

    @BeforeEach
    void createTables() {
        List<String> ddl = new ArrayList<>(List.of("drop table if exists card", "drop table if exists board"));
        ddl.addAll(ticketDdl());
        ddl.addAll(noteDdl());
        ddl.addAll(tokenDdl());
        ddl.addAll(boardDdl());
        ddl.add("drop table if exists invoice");
        ddl.add("create table invoice (number varchar(20) primary key, amount int not null)");
        Flux.fromIterable(ddl).concatMap(sql -> db.sql(sql).execute()).blockLast(TIMEOUT);
        counting.reset();
    }

    // ---- columns the database fills ----

    @Test
    void insertLeavesGeneratedColumnsToTheDatabaseAndReadsThemBack() {
        LocalDateTime before = LocalDateTime.now().minusMinutes(5);
        Ticket ticket = new Ticket("Printer on fire");
        ticket.createdAt = LocalDateTime.of(2000, 1, 1, 0, 0);
        ticket.titleLength = 999;
        ticket.owner = "someone";

        Ticket inserted = db.insert(ticket).block(TIMEOUT);

        assertThat(counting.statements()).as("the key from nextval and the generated columns in one statement")
                .isEqualTo(1);
        assertThat(inserted).isSameAs(ticket);
        assertThat(ticket.id).as("from ticket_seq").isGreaterThanOrEqualTo(1000L);
        assertThat(ticket.createdAt).as("the DEFAULT, not the value given").isAfter(before);
        assertThat(ticket.status).as("the DEFAULT of a null property").isEqualTo("open");
        assertThat(ticket.titleLength).as("GENERATED ... STORED").isEqualTo(15);
        assertThat(ticket.owner).as("read-only: kept as given, not read back").isEqualTo("someone");
        TicketRecord stored = db.findById(TicketRecord.class, ticket.id).block(TIMEOUT);
        assertThat(stored.owner()).as("read-only: never written").isEqualTo("dba");
        assertThat(stored.createdAt()).isEqualTo(ticket.createdAt);
        String insert = counting.executedSql().stream().filter(sql -> sql.contains("INSERT")).findFirst().orElseThrow();
        assertThat(insert.substring(insert.indexOf("INSERT"), insert.indexOf("VALUES"))).as("the inserted columns")
                .contains("title").doesNotContain("created_at").doesNotContain("title_length").doesNotContain("owner")
                .doesNotContain("status");
    }

    @Test
    void aRecordComesBackAsANewInstanceWithTheGeneratedValues() {
        TicketRecord given = TicketRecord.of("Coffee machine");

        TicketRecord inserted = db.insert(given).block(TIMEOUT);

        assertThat(given.id()).isNull();
        assertThat(inserted.id()).isGreaterThanOrEqualTo(1000L);
        assertThat(inserted.createdAt()).isNotNull();
        assertThat(inserted.status()).isEqualTo("open");
        assertThat(inserted.titleLength()).isEqualTo(14);
        assertThat(inserted.owner()).as("read-only: not read back").isNull();
        assertThat(db.findById(TicketRecord.class, inserted.id()).block(TIMEOUT))
                .isEqualTo(new TicketRecord(inserted.id(), inserted.title(), inserted.createdAt(), "open", 14, "dba"));
    }

    @Test
    void aDatabaseDefaultPropertyThatIsSetIsWritten() {
        Ticket ticket = new Ticket("Escalated");
        ticket.status = "urgent";

        db.insert(ticket).block(TIMEOUT);

        assertThat(ticket.status).isEqualTo("urgent");
        assertThat(db.findById(Ticket.class, ticket.id).block(TIMEOUT).status).isEqualTo("urgent");
    }

    @Test
    void updateNeverWritesGeneratedColumnsAndReadsBackThoseSetOnUpdate() {
        Ticket ticket = db.insert(new Ticket("Short")).block(TIMEOUT);
        LocalDateTime created = ticket.createdAt;
        ticket.title = "A much longer title";
        ticket.createdAt = LocalDateTime.of(1999, 1, 1, 0, 0);
        ticket.titleLength = -1;
        ticket.owner = "mallory";
        counting.reset();

        db.update(ticket).block(TIMEOUT);

        assertThat(counting.statements()).isEqualTo(statementsToUpdateAndReadBack());
        assertThat(ticket.titleLength).as("recomputed by the database, read back").isEqualTo(19);
        assertThat(ticket.createdAt).as("set on insert only: not read back").isEqualTo(LocalDateTime.of(1999, 1, 1, 0, 0));
        TicketRecord stored = db.findById(TicketRecord.class, ticket.id).block(TIMEOUT);
        assertThat(stored.createdAt()).as("never written").isEqualTo(created);
        assertThat(stored.owner()).isEqualTo("dba");
        assertThat(stored.titleLength()).isEqualTo(19);
    }

    @Test
    void updateOfARecordReturnsANewInstanceWithTheRecomputedColumn() {
        TicketRecord inserted = db.insert(TicketRecord.of("abc")).block(TIMEOUT);

        TicketRecord updated = db.update(inserted.withTitle("abcdef")).block(TIMEOUT);

        assertThat(updated.titleLength()).isEqualTo(6);
        assertThat(updated.createdAt()).isEqualTo(inserted.createdAt());
    }

    @Test
    void updateOfAMissingRowStillFailsAsStale() {
        TicketRecord missing = new TicketRecord(424242L, "ghost", null, "open", null, null);

        db.update(missing).as(StepVerifier::create)
                .expectError(io.rowflow.OptimisticLockException.class)
                .verify(TIMEOUT);
    }

    @Test
    void upsertLeavesGeneratedColumnsOutAndReadsTheRowBack() {
        TicketRecord first = db.upsert(new TicketRecord(5000L, "Upserted", LocalDateTime.of(2000, 1, 1, 0, 0), null,
                77, "eve")).block(TIMEOUT);
        TicketRecord second = db.upsert(new TicketRecord(5000L, "Upserted again", null, "closed", null, null))
                .block(TIMEOUT);

        assertThat(first.status()).isEqualTo("open");
        assertThat(first.titleLength()).isEqualTo(8);
        assertThat(first.owner()).isEqualTo("dba");
        assertThat(first.createdAt()).isAfter(LocalDateTime.of(2000, 1, 1, 0, 0));
        assertThat(second.titleLength()).isEqualTo(14);
        assertThat(second.status()).isEqualTo("closed");
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
    }

    @Test
    void identityKeyAndDefaultComeBackTogether() {
        NoteRecord note = db.insert(NoteRecord.of("hello")).block(TIMEOUT);
        Note other = db.insert(new Note("world")).block(TIMEOUT);

        assertThat(note.id()).isNotNull();
        assertThat(other.id).isGreaterThan(note.id());
        assertThat(note.createdAt()).isNotNull();
        assertThat(other.createdAt).isNotNull();
    }

    @Test
    void columnsSetByATriggerAreReadBackAfterInsertAndUpdate() {
        Note note = db.insert(new Note("draft")).block(TIMEOUT);
        NoteRecord record = db.insert(NoteRecord.of("draft")).block(TIMEOUT);
        assertThat(note.edits).isEqualTo(1);
        assertThat(note.updatedAt).isNotNull();
        assertThat(record.edits()).isEqualTo(1);
        LocalDateTime firstUpdate = note.updatedAt;

        note.body = "final";
        note.edits = 100;
        db.update(note).block(TIMEOUT);
        NoteRecord updatedRecord = db.update(new NoteRecord(record.id(), "final", null, null, null)).block(TIMEOUT);

        assertThat(note.edits).as("set by the trigger, read back").isEqualTo(2);
        assertThat(note.updatedAt).isAfterOrEqualTo(firstUpdate);
        assertThat(updatedRecord.edits()).isEqualTo(2);
        assertThat(updatedRecord.updatedAt()).isNotNull();
        assertThat(updatedRecord.createdAt()).as("set on insert only").isNull();
        assertThat(db.findById(Note.class, note.id).block(TIMEOUT).edits).isEqualTo(2);
    }

    @Test
    void insertAllReadsTheGeneratedColumnsOfEveryRowInOrder() {
        List<Note> notes = IntStream.range(0, 300).mapToObj(i -> new Note("n" + i)).toList();

        List<Note> inserted = db.insertAll(notes).collectList().block(TIMEOUT);

        assertThat(inserted).hasSize(300);
        assertThat(inserted).allSatisfy(note -> {
            assertThat(note.edits).isEqualTo(1);
            assertThat(note.createdAt).isNotNull();
        });
        assertThat(inserted.stream().map(note -> note.id).distinct().count()).isEqualTo(300);
        Note sample = inserted.get(123);
        assertThat(db.findById(Note.class, sample.id).block(TIMEOUT).body).isEqualTo("n123");
    }

    @Test
    void cascadedInsertsGenerateKeysAndReadBackColumnsOfParentAndChildren() {
        Board board = db.insert(new Board(null, "Sprint", null, List.of(Card.of("a"), Card.of("bcd"))))
                .block(TIMEOUT);

        assertThat(board.id()).isGreaterThanOrEqualTo(1000L);
        assertThat(board.createdAt()).isNotNull();
        List<Card> cards = db.findAll(Card.class).collectList().block(TIMEOUT);
        assertThat(cards).extracting(Card::labelLength).containsExactlyInAnyOrder(1, 3);
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.id().version()).isEqualTo(7);
            assertThat(card.board().id()).isEqualTo(board.id());
        });
        Board changed = new Board(board.id(), "Sprint 2", null, List.of(Card.of("efghi")));
        db.update(changed).block(TIMEOUT);
        assertThat(db.findAll(Card.class).map(Card::labelLength).collectList().block(TIMEOUT)).containsExactly(5);
    }

    // ---- keys from a sequence ----

    @Test
    void insertAllFetchesSequenceValuesInBlocksAndReadsGeneratedColumnsPerRow() {
        List<TicketRecord> tickets = IntStream.range(0, 10_000).mapToObj(i -> TicketRecord.of("t" + i)).toList();

        List<TicketRecord> inserted = db.insertAll(tickets).collectList().block(TIMEOUT);

        assertThat(counting.statements()).as(String.join("\n", counting.executedSql().stream().map(
                sql -> sql.length() > 120 ? sql.substring(0, 120) : sql).distinct().toList()))
                .isEqualTo(statementsToInsertTenThousandTickets());
        assertThat(inserted).hasSize(10_000);
        assertThat(new HashSet<>(inserted.stream().map(TicketRecord::id).toList())).hasSize(10_000);
        assertThat(inserted).allSatisfy(ticket -> {
            assertThat(ticket.id()).isGreaterThanOrEqualTo(1000L);
            assertThat(ticket.titleLength()).isEqualTo(ticket.title().length());
            assertThat(ticket.status()).isEqualTo("open");
            assertThat(ticket.createdAt()).isNotNull();
        });
        TicketRecord last = inserted.get(9_999);
        assertThat(db.findById(TicketRecord.class, last.id()).block(TIMEOUT).title()).isEqualTo("t9999");
        assertThat(db.count(TicketRecord.class).block(TIMEOUT)).isEqualTo(10_000L);
    }

    @Test
    void aKeyThatIsSetIsKeptAndTheSequenceIsNotAsked() {
        Ticket ticket = new Ticket("Given");
        ticket.id = 7L;

        db.insert(ticket).block(TIMEOUT);

        assertThat(ticket.id).isEqualTo(7L);
        assertThat(counting.statements()).isEqualTo(1);
    }

    @Test
    void sequenceValuesFitAnIntegerKey() {
        SmallTicket one = db.insert(new SmallTicket(null, "small")).block(TIMEOUT);
        List<SmallTicket> more = db.insertAll(List.of(new SmallTicket(null, "x"), new SmallTicket(null, "y")))
                .collectList().block(TIMEOUT);

        assertThat(one.id()).isEqualTo(1000);
        assertThat(more).extracting(SmallTicket::id).containsExactly(1001, 1002);
    }

    // ---- client-side keys ----

    @Test
    void randomUuidKeysAreVersion4() {
        RandomToken token = db.insert(new RandomToken(null, "a")).block(TIMEOUT);
        List<RandomToken> many = db.insertAll(IntStream.range(0, 50).mapToObj(i -> new RandomToken(null, "b" + i)).toList())
                .collectList().block(TIMEOUT);

        assertThat(token.id().version()).isEqualTo(4);
        assertThat(token.id().variant()).isEqualTo(2);
        assertThat(many).allSatisfy(t -> assertThat(t.id().version()).isEqualTo(4));
        assertThat(db.findById(RandomToken.class, token.id()).block(TIMEOUT).label()).isEqualTo("a");
        assertThat(db.count(RandomToken.class).block(TIMEOUT)).isEqualTo(51L);
    }

    @Test
    void timeOrderedUuidKeysAreVersion7AndIncreaseInInsertOrder() {
        long before = System.currentTimeMillis();
        List<OrderedToken> tokens = db.insertAll(IntStream.range(0, 500).mapToObj(i -> new OrderedToken("t" + i)).toList())
                .collectList().block(TIMEOUT);
        OrderedToken single = db.insert(new OrderedToken("last")).block(TIMEOUT);

        List<UUID> ids = new ArrayList<>(tokens.stream().map(token -> token.id).toList());
        ids.add(single.id);
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).as("48-bit Unix milliseconds").isBetween(before - 1000,
                    System.currentTimeMillis() + 1000);
        });
        assertThat(ids.stream().map(UUID::toString).toList()).as("strictly increasing, as text and bytes").isSorted()
                .doesNotHaveDuplicates();
        List<String> byKey = db.sql("select label from token order by id").mapTo(String.class).fetch()
                .collectList().block(TIMEOUT);
        assertThat(byKey.get(0)).isEqualTo("t0");
        assertThat(byKey.get(500)).as("the database orders them as generated").isEqualTo("last");
    }

    @Test
    void aRegisteredGeneratorNumbersKeysAndBlocksOfThem() {
        Invoice one = db.insert(new Invoice(null, 10)).block(TIMEOUT);
        List<Invoice> more = db.insertAll(List.of(new Invoice(null, 20), new Invoice(null, 30))).collectList()
                .block(TIMEOUT);

        assertThat(one.number()).isEqualTo("INV-1");
        assertThat(more).extracting(Invoice::number).containsExactly("INV-2", "INV-3");
        assertThat(db.findById(Invoice.class, "INV-3").block(TIMEOUT).amount()).isEqualTo(30);
    }

    @Test
    void aGeneratorGivingTheWrongTypeFailsNamingTheKey() {
        var wrong = io.rowflow.Database.builder(counting)
                .idGenerator("invoiceNumbers", count -> Flux.range(0, count).map(i -> (Object) i)).build();

        wrong.insert(new Invoice(null, 10)).as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryException.class)
                        .hasMessageContaining(Invoice.class.getName() + ".number")
                        .hasMessageContaining("java.lang.Integer"))
                .verify(TIMEOUT);
        wrong.close();
    }

    @Test
    void anUnregisteredGeneratorFailsSayingHowToRegisterIt() {
        var bare = io.rowflow.Database.builder(counting).build();

        bare.insert(new Invoice(null, 10)).as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("invoiceNumbers")
                        .hasMessageContaining("DatabaseBuilder.idGenerator"))
                .verify(TIMEOUT);
        bare.close();
        assertThat(IdGenerator.uuidV7().generate(2).collectList().block(TIMEOUT)).hasSize(2);
    }

    @Test
    void generatedColumnsPassSchemaValidation() {
        db.schema().validate(Ticket.class, TicketRecord.class, Note.class, OrderedToken.class, Invoice.class)
                .as(StepVerifier::create).expectComplete().verify(TIMEOUT);
    }
}
