package io.rowflow.benchmarks.hibernate;

import io.rowflow.benchmarks.Checksums;
import io.rowflow.benchmarks.Contender;
import io.rowflow.benchmarks.Endpoint;
import io.rowflow.benchmarks.Pools;
import io.rowflow.benchmarks.hibernate.Entities.Author;
import io.rowflow.benchmarks.hibernate.Entities.Book;
import io.rowflow.benchmarks.hibernate.Entities.Event;
import io.rowflow.benchmarks.hibernate.Entities.Fortune;
import io.rowflow.benchmarks.hibernate.Entities.Item;
import io.rowflow.benchmarks.hibernate.Entities.World;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.tracing.TracingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;
import org.hibernate.reactive.vertx.VertxInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hibernate Reactive as its documentation shows it: JPA entities, a {@code Mutiny.SessionFactory}
 * bootstrapped with {@code ReactiveServiceRegistryBuilder}, one session per unit of work
 * ({@code withSession}, {@code withTransaction}), over its own Vert.x PostgreSQL pool of the run's
 * size. Its {@code Uni}s are turned into Reactor {@code Mono}s at the edge.
 *
 * <p>W4 finds the world and changes it in a transaction (Hibernate flushes the UPDATE on commit).
 * W5 persists the 10,000 items in one transaction: their ids come from a {@code bigserial} column
 * ({@code IDENTITY}), so Hibernate sends one INSERT per row. W7 and W9 load authors with their books
 * in one query ({@code left join fetch}). Hibernate Reactive has no streaming query (the Vert.x
 * client reads a whole result into memory), so W6 reads the table in pages of
 * {@value #EVENT_PAGE} rows by id (keyset paging) with a stateless session, the way its
 * documentation suggests for large results.
 */
public final class HibernateReactiveContender implements Contender {

    /** Rows per W6 page. */
    public static final int EVENT_PAGE = 10_000;

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;
    private final StatementCounter counter;

    private HibernateReactiveContender(Mutiny.SessionFactory sessions, Vertx vertx, StatementCounter counter) {
        this.sessions = sessions;
        this.vertx = vertx;
        this.counter = counter;
    }

    /** A contender whose Vert.x pool holds up to {@code poolSize} connections to the schema. */
    public static HibernateReactiveContender create(Endpoint endpoint, String schema, int poolSize) {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");      // Hibernate logs through SLF4J, as the rest
        }
        StatementCounter counter = new StatementCounter();
        Vertx vertx = Vertx.vertx(new VertxOptions().setTracingOptions(new TracingOptions().setFactory(counter)));
        Configuration configuration = new Configuration();
        for (Class<?> entity : List.of(World.class, Fortune.class, Item.class, Event.class, Author.class, Book.class)) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, endpoint.jdbcUrl());
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, endpoint.user());
        if (endpoint.password() != null) {
            configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, endpoint.password());
        }
        configuration.setProperty(AvailableSettings.DEFAULT_SCHEMA, schema);
        configuration.setProperty(AvailableSettings.POOL_SIZE, Integer.toString(poolSize));
        configuration.setProperty(Settings.POOL_CONNECT_TIMEOUT, Long.toString(Pools.ACQUIRE_TIMEOUT.toMillis()));
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        Mutiny.SessionFactory sessions = configuration.buildSessionFactory(new ReactiveServiceRegistryBuilder()
                        .applySettings(configuration.getProperties())
                        .addService(VertxInstance.class, (VertxInstance) () -> vertx)
                        .build())
                .unwrap(Mutiny.SessionFactory.class);
        return new HibernateReactiveContender(sessions, vertx, counter);
    }

    /** Hibernate Reactive's and Vert.x's versions, for the report. */
    public static String versions() {
        return version(Mutiny.class) + " (Hibernate ORM " + version(Configuration.class) + ", Vert.x PostgreSQL client "
                + version(io.vertx.pgclient.PgPool.class) + ")";
    }

    private static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "?" : version;
    }

    @Override
    public String name() {
        return "hibernate-reactive";
    }

    /** Statements the Vert.x client has sent so far. */
    public long statements() {
        return counter.statements();
    }

    @Override
    public void close() {
        sessions.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** The {@code Uni} as a {@code Mono}, subscribed to when the {@code Mono} is. */
    private static <T> Mono<T> mono(Supplier<Uni<T>> uni) {
        return Mono.fromCompletionStage(() -> uni.get().subscribeAsCompletionStage());
    }

    private Mono<World> world(int id) {
        return mono(() -> sessions.withSession(session -> session.find(World.class, id)));
    }

    @Override
    public Mono<Long> findWorld(int id) {
        return world(id).map(world -> Checksums.world(world.id, world.randomNumber));
    }

    @Override
    public Mono<Long> findWorlds(int[] ids) {
        return Flux.range(0, ids.length)
                .flatMap(i -> world(ids[i]))
                .reduce(0L, (sum, world) -> sum + Checksums.world(world.id, world.randomNumber));
    }

    @Override
    public Mono<Long> fortunes() {
        return mono(() -> sessions.withSession(session -> session
                        .createSelectionQuery("from Fortune", Fortune.class).getResultList()))
                .map(found -> {
                    List<Fortune> fortunes = new ArrayList<>(found);
                    fortunes.add(new Fortune(0, Checksums.ADDED_FORTUNE));
                    fortunes.sort(Comparator.comparing(fortune -> fortune.message));
                    return Checksums.messages(fortunes.stream().map(fortune -> fortune.message).toList());
                });
    }

    @Override
    public Mono<Long> readThenUpdate(int[] ids, int[] numbers) {
        return Flux.range(0, ids.length)
                .flatMap(i -> mono(() -> sessions.withTransaction(session -> session.find(World.class, ids[i])
                        .invoke(world -> world.randomNumber = numbers[i]))))
                .reduce(0L, (sum, world) -> sum + world.id);
    }

    @Override
    public Mono<Long> insertItems(List<ItemData> items) {
        return mono(() -> {
            Item[] entities = new Item[items.size()];
            for (int i = 0; i < entities.length; i++) {
                ItemData item = items.get(i);
                entities[i] = new Item(item.name(), item.quantity(), item.score());
            }
            return sessions.withTransaction(session -> session.persistAll((Object[]) entities))
                    .map(done -> java.util.Arrays.stream(entities).filter(item -> item.id != null).count());
        });
    }

    @Override
    public Mono<Long> streamEvents() {
        return eventsAfter(Long.MIN_VALUE)
                .expand(page -> page.size() < EVENT_PAGE ? Mono.empty() : eventsAfter(page.get(page.size() - 1).id))
                .reduce(0L, (count, page) -> count + page.size());
    }

    private Mono<List<Event>> eventsAfter(long id) {
        return mono(() -> sessions.withStatelessSession(session -> session
                .createSelectionQuery("from Event e where e.id > :after order by e.id", Event.class)
                .setParameter("after", id)
                .setMaxResults(EVENT_PAGE)
                .getResultList()));
    }

    @Override
    public Mono<Long> authorsWithBooks() {
        return mono(() -> sessions.withSession(session -> session
                        .createSelectionQuery("from Author a left join fetch a.books order by a.id", Author.class)
                        .getResultList()))
                .map(authors -> {
                    long checksum = 0;
                    for (Author author : authors) {
                        checksum = fold(checksum, author);
                    }
                    return checksum;
                });
    }

    @Override
    public Mono<Long> authorWithBooks(int authorId) {
        return mono(() -> sessions.withSession(session -> session
                        .createSelectionQuery("from Author a left join fetch a.books where a.id = :id", Author.class)
                        .setParameter("id", authorId)
                        .getSingleResultOrNull()))
                .map(author -> fold(0L, author));
    }

    /** Folds the author's id, then its books' ids, into the checksum. */
    private static long fold(long checksum, Author author) {
        long folded = Checksums.fold(checksum, author.id);
        for (Book book : author.books) {
            folded = Checksums.fold(folded, book.id);
        }
        return folded;
    }

    @Override
    public Mono<Long> bookPage(BookPage page) {
        String pattern = page.titlePrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return mono(() -> sessions.withSession(session -> session
                        .createSelectionQuery("from Book b where b.year between :from and :to and b.title like :title escape '!' "
                                + "order by b.year desc, b.id", Book.class)
                        .setParameter("from", page.fromYear())
                        .setParameter("to", page.toYear())
                        .setParameter("title", pattern)
                        .setFirstResult(page.offset())
                        .setMaxResults(page.limit())
                        .getResultList()))
                .map(books -> {
                    long checksum = 0;
                    for (Book book : books) {
                        checksum = Checksums.fold(checksum, book.id);
                    }
                    return checksum;
                });
    }
}
