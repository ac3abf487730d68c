package io.rowflow.spring.boot;

import static io.rowflow.query.Queries.select;
import static io.rowflow.spring.boot.fixtures.Team_.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.spring.boot.fixtures.Member;
import io.rowflow.spring.boot.fixtures.Team;
import io.rowflow.spring.boot.fixtures.TeamService;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Rowflow inside Spring's reactive transactions ({@code R2dbcTransactionManager}, as Spring Boot
 * configures it): {@code @Transactional} methods and {@code TransactionalOperator} chains commit
 * and roll back Rowflow's writes, cascading ones included, together with {@code DatabaseClient}'s;
 * cancelling rolls back; {@code db.inTransaction} nests as a savepoint inside and still works alone.
 * Every test ends with the pool idle.
 */
abstract class SpringTransactionContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The {@code spring.r2dbc.*} properties of the database under test. */
    protected abstract String[] connectionProperties();

    private void run(Consumer<AssertableApplicationContext> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                        R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        RowflowAutoConfiguration.class))
                .withPropertyValues(connectionProperties())
                .withPropertyValues("spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=4",
                        "spring.r2dbc.pool.max-acquire-time=30s")
                .withBean(TeamService.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Database db = context.getBean(Database.class);
                    db.schema().dropIfExists(Team.class, Member.class).then(db.schema().create(Team.class, Member.class))
                            .block(TIMEOUT);
                    test.accept(context);
                    awaitIdle(context.getBean(ConnectionPool.class));
                });
    }

    private static DatabaseClient client(AssertableApplicationContext context) {
        return DatabaseClient.create(context.getBean(ConnectionFactory.class));
    }

    private static long teams(Database db) {
        return db.count(Team.class).block(TIMEOUT);
    }

    private static long members(Database db) {
        return db.count(Member.class).block(TIMEOUT);
    }

    /** Waits for the pool to have no acquired connection: cleanup after a cancel runs asynchronously. */
    private static void awaitIdle(ConnectionPool pool) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (pool.getMetrics().orElseThrow().acquiredSize() != 0) {
            assertThat(System.nanoTime()).as("the pool has no acquired connection left").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void transactionalMethodCommitsACascadingInsert() {
        run(context -> {
            Database db = context.getBean(Database.class);
            Team created = context.getBean(TeamService.class).create(Team.of("committed", 3)).block(TIMEOUT);

            assertThat(created.id()).isNotNull();
            assertThat(created.members()).extracting(Member::id).doesNotContainNull();
            assertThat(teams(db)).isEqualTo(1);
            assertThat(members(db)).isEqualTo(3);
        });
    }

    @Test
    void transactionalMethodThatThrowsAfterACascadingInsertCommitsNothing() {
        run(context -> {
            Database db = context.getBean(Database.class);
            context.getBean(TeamService.class).createThenFail(Team.of("doomed", 3))
                    .as(StepVerifier::create)
                    .expectErrorMessage("failed after the insert")
                    .verify(TIMEOUT);

            assertThat(teams(db)).isZero();
            assertThat(members(db)).isZero();
        });
    }

    @Test
    void operatorChainMixesDatabaseClientAndRowflowInOneTransaction() {
        run(context -> {
            Database db = context.getBean(Database.class);
            TransactionalOperator operator = context.getBean(TransactionalOperator.class);
            Mono<Long> both = client(context).sql("insert into st_team (name) values (:name)").bind("name", "by client")
                    .fetch().rowsUpdated()
                    .then(db.insert(Team.of("by rowflow", 2)))
                    .then(db.count(Team.class));

            both.then(Mono.error(new IllegalStateException("undo both"))).as(operator::transactional)
                    .as(StepVerifier::create)
                    .expectErrorMessage("undo both")
                    .verify(TIMEOUT);
            assertThat(teams(db)).as("rolled back together").isZero();
            assertThat(members(db)).isZero();

            both.as(operator::transactional)
                    .as(StepVerifier::create)
                    .expectNext(2L)
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(client(context).sql("select name from st_team order by name").map(row -> row.get(0, String.class))
                    .all().collectList().block(TIMEOUT)).containsExactly("by client", "by rowflow");
            assertThat(members(db)).isEqualTo(2);
        });
    }

    @Test
    void cancellingAnOperatorChainRollsBack() {
        run(context -> {
            Database db = context.getBean(Database.class);
            TransactionalOperator operator = context.getBean(TransactionalOperator.class);
            Flux<Team> inserts = Flux.range(0, 5).concatMap(i -> db.insert(Team.of("team " + i, 1)));

            inserts.as(operator::transactional).take(2)
                    .as(StepVerifier::create)
                    .expectNextCount(2)
                    .expectComplete()
                    .verify(TIMEOUT);

            awaitIdle(context.getBean(ConnectionPool.class));
            assertThat(teams(db)).isZero();
        });
    }

    @Test
    void rowflowInTransactionNestsAsASavepointOfTheSpringTransaction() {
        run(context -> {
            Database db = context.getBean(Database.class);
            TransactionalOperator operator = context.getBean(TransactionalOperator.class);

            db.insert(Team.of("kept", 0))
                    .then(db.inTransaction(savepoint -> db.insert(Team.of("rolled back to the savepoint", 2))
                                    .then(Mono.error(new IllegalStateException("inner failure"))))
                            .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                            .then())
                    .as(operator::transactional)
                    .as(StepVerifier::create)
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(db.findAll(Team.class).map(Team::name).collectList().block(TIMEOUT)).containsExactly("kept");
            assertThat(members(db)).isZero();
        });
    }

    @Test
    void rowflowTransactionsStillWorkOutsideSpringTransactions() {
        run(context -> {
            Database db = context.getBean(Database.class);
            db.inTransaction(tx -> db.insert(Team.of("rolled back", 2)).then(Mono.error(new IllegalStateException("no"))))
                    .as(StepVerifier::create)
                    .expectErrorMessage("no")
                    .verify(TIMEOUT);
            db.insert(Team.of("alone", 1)).as(db::transactional).block(TIMEOUT);

            assertThat(db.findAll(Team.class).map(Team::name).collectList().block(TIMEOUT)).containsExactly("alone");
            assertThat(members(db)).isEqualTo(1);
        });
    }

    @Test
    void relationshipsOfTenThousandParentsLoadInsideASpringTransaction() {
        run(context -> {
            Database db = context.getBean(Database.class);
            List<Team> stored = db.insertAll(IntStream.range(0, 10_000)
                    .mapToObj(i -> new Team(null, String.format("t%05d", i), null)).toList()).collectList().block(TIMEOUT);
            db.insertAll(stored.stream().map(team -> new Member(null, team.name() + " captain",
                    Ref.to(team.id()))).toList()).then().block(TIMEOUT);
            TransactionalOperator operator = context.getBean(TransactionalOperator.class);

            List<Team> loaded = db.fetch(select(TEAM).orderBy(TEAM.name.asc()).with(TEAM.members))
                    .as(operator::transactional)
                    .collectList()
                    .block(TIMEOUT);

            assertThat(loaded).hasSize(10_000).allSatisfy(team -> assertThat(team.members()).singleElement()
                    .satisfies(member -> assertThat(member.name()).isEqualTo(team.name() + " captain")));
        });
    }
}
