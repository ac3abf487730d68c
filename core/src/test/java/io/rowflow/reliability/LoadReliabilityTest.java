package io.rowflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.OptimisticLockException;
import io.rowflow.Retries;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * 64 concurrent subscribers mixing reads and writes for a minute: no unexpected error, no lost or
 * duplicated row (counts and checksums match what the test wrote), money moved by transfers is
 * conserved, and optimistic locking detects every conflicting update, so no update is lost.
 */
class LoadReliabilityTest extends PostgresReliabilitySupport {

    private static final int WORKERS = 64;
    private static final int ACCOUNTS = 20;
    private static final long START_BALANCE = 1_000_000;
    private static final Duration RUN_FOR = Duration.ofSeconds(60);

    @BeforeEach
    void createData() {
        openPool(16, Duration.ofSeconds(30));
        db.schema().dropIfExists(Account.class, Journal.class).then(db.schema().create(Account.class, Journal.class))
                .block(TIMEOUT);
        db.insertAll(IntStream.range(0, ACCOUNTS).mapToObj(i -> new Account(null, "owner " + i, START_BALANCE, 0, null))
                .toList()).then().block(TIMEOUT);
    }

    @Test
    void sixtyFourSubscribersForAMinuteLoseNothing() {
        List<Long> ids = db.findAll(Account.class).map(Account::id).collectList().block(TIMEOUT);
        long deadline = System.nanoTime() + RUN_FOR.toNanos();
        AtomicLong bumps = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong journalWrites = new AtomicLong();
        AtomicLong journalChecksum = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

        Flux.range(0, WORKERS).flatMap(worker -> {
            Random random = new Random(worker);
            return Mono.defer(() -> step(random, ids, worker, bumps, conflicts, journalWrites, journalChecksum))
                    .onErrorResume(e -> {
                        unexpected.add(e);
                        return Mono.empty();
                    })
                    .repeat(() -> System.nanoTime() < deadline)
                    .then();
        }, WORKERS).blockLast(RUN_FOR.plusMinutes(2));

        assertThat(unexpected).as("unexpected errors").isEmpty();
        List<Account> accounts = db.findAll(Account.class).collectList().block(TIMEOUT);
        assertThat(accounts).hasSize(ACCOUNTS);
        assertThat(accounts.stream().mapToLong(Account::balance).sum()).as("money is conserved")
                .isEqualTo(ACCOUNTS * START_BALANCE);
        assertThat(accounts.stream().mapToLong(Account::bumps).sum()).as("no lost update").isEqualTo(bumps.get());
        assertThat(accounts.stream().mapToLong(a -> a.version() - a.bumps()).sum())
                .as("every version increment is a bump or a transfer leg").isGreaterThanOrEqualTo(0);
        assertThat(db.count(Journal.class).block(TIMEOUT)).as("no lost or duplicated row").isEqualTo(journalWrites.get());
        assertThat(db.sql("select coalesce(sum(amount), 0) from load_journal").mapTo(Long.class).fetchOne().block(TIMEOUT))
                .as("journal checksum").isEqualTo(journalChecksum.get());
        assertThat(conflicts.get()).as("concurrent read-modify-writes really conflicted").isPositive();
        assertNothingHeld();
    }

    /** One unit of work, chosen at random: a read, an optimistic bump, a transfer, or a journal insert. */
    private Mono<Void> step(Random random, List<Long> ids, int worker, AtomicLong bumps, AtomicLong conflicts,
                            AtomicLong journalWrites, AtomicLong journalChecksum) {
        Long id = ids.get(random.nextInt(ids.size()));
        switch (random.nextInt(4)) {
            case 0:
                return db.findById(Account.class, id).then();
            case 1:
                return db.findById(Account.class, id)
                        .flatMap(account -> db.update(account.bumped()))
                        .doOnError(OptimisticLockException.class, e -> conflicts.incrementAndGet())
                        .retryWhen(Retry.indefinitely()
                                .filter(e -> e instanceof OptimisticLockException || Retries.isTransient(e)))
                        .doOnNext(account -> bumps.incrementAndGet())
                        .then();
            case 2:
                Long other = ids.get(random.nextInt(ids.size()));
                long amount = 1 + random.nextInt(100);
                return id.equals(other) ? Mono.empty() : transfer(id, other, amount);
            default:
                long value = random.nextInt(1_000);
                return db.insert(new Journal(null, worker, value))
                        .doOnNext(entry -> {
                            journalWrites.incrementAndGet();
                            journalChecksum.addAndGet(value);
                        })
                        .then();
        }
    }

    /** Moves money between two accounts in one transaction, retried as a whole on conflicts and deadlocks. */
    private Mono<Void> transfer(Long from, Long to, long amount) {
        return db.inTransaction(tx -> db.findById(Account.class, from)
                        .flatMap(source -> db.update(source.withBalance(source.balance() - amount)))
                        .then(db.findById(Account.class, to))
                        .flatMap(target -> db.update(target.withBalance(target.balance() + amount))))
                .retryWhen(Retries.transientFailures(100, Duration.ofMillis(1))
                        .filter(e -> e instanceof OptimisticLockException || Retries.isTransient(e)))
                .then();
    }
}
