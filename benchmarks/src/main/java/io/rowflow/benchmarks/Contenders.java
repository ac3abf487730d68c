package io.rowflow.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.benchmarks.hibernate.HibernateReactiveContender;
import io.rowflow.benchmarks.jdbc.JdbcContender;
import io.rowflow.benchmarks.raw.RawContender;
import io.rowflow.benchmarks.rowflow.RowflowContender;
import io.rowflow.benchmarks.spring.SpringDataContender;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The contenders by name, raw R2DBC first: it is the floor every ratio is taken against. Rowflow
 * runs three times: with the coalescing settings of the command line ({@code rowflow}), with
 * coalescing off ({@code rowflow-uncoalesced}) and as {@code rowflow} with every statement
 * observed by Micrometer Observation ({@code rowflow-observed}), to state what observation costs.
 * The peers follow: Spring Data R2DBC, Hibernate Reactive over its Vert.x PostgreSQL client, jOOQ
 * over R2DBC and blocking JDBC with HikariCP.
 *
 * <p>Every contender gets a pool of the run's size of its own: an r2dbc-pool for the R2DBC
 * contenders, Hibernate Reactive's Vert.x pool, a HikariCP pool for JDBC. jOOQ's open-source
 * edition needs Java 21, so it is compiled apart (the {@code jooq} Maven profile) and runs in a JVM
 * of its own on JDK 25 ({@link ForkedLane}); it is available when {@code benchmarks/run.sh} passes
 * that JVM and classpath in the system properties {@value #JOOQ_JAVA} and {@value #JOOQ_CLASSPATH}.
 */
public final class Contenders {

    /** The name of the contender ratios are relative to. */
    public static final String BASELINE = "raw";
    /** Rowflow with the coalescing settings of the run. */
    public static final String ROWFLOW = "rowflow";
    /** Rowflow with coalescing off. */
    public static final String ROWFLOW_UNCOALESCED = "rowflow-uncoalesced";
    /** Rowflow as {@link #ROWFLOW}, with a Micrometer observation (and timer) per statement. */
    public static final String ROWFLOW_OBSERVED = "rowflow-observed";
    /** Spring Data R2DBC's {@code R2dbcEntityTemplate}. */
    public static final String SPRING_DATA = "spring-data";
    /** Hibernate Reactive's Mutiny API over its Vert.x PostgreSQL client. */
    public static final String HIBERNATE_REACTIVE = "hibernate-reactive";
    /** jOOQ's DSL over an R2DBC connection factory, in a JDK 25 JVM of its own. */
    public static final String JOOQ = "jooq";
    /** Blocking JDBC with a HikariCP pool, on a scheduler of as many threads as connections. */
    public static final String JDBC = "jdbc";

    /** The system property naming the {@code java} executable that runs the jOOQ contender. */
    public static final String JOOQ_JAVA = "rowflow.bench.jooq.java";
    /** The system property holding the jOOQ contender's extra classpath (its classes and jOOQ's jar). */
    public static final String JOOQ_CLASSPATH = "rowflow.bench.jooq.classpath";

    private static final String JOOQ_CLASS = "io.rowflow.benchmarks.jooq.JooqContender";

    /** What a contender is created from: where the data is, its pool size, and Rowflow's coalescing. */
    public record Setup(String url, String schema, int poolSize, Coalescing coalescing) {

        /** Host, port, database, user and password of the R2DBC URL, for the non-R2DBC contenders. */
        public Endpoint endpoint() {
            return Endpoint.of(url);
        }
    }

    /**
     * A created contender with the count of statements it has sent so far and what releases its
     * pool.
     */
    public record Prepared(Contender contender, LongSupplier statements, AutoCloseable resources) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            try {
                contender.close();
            } finally {
                resources.close();
            }
        }
    }

    /** Creates a contender and its pool. */
    @FunctionalInterface
    private interface Factory {
        Prepared create(Setup setup) throws Exception;
    }

    private static final Map<String, Factory> ALL = new LinkedHashMap<>();

    static {
        ALL.put(BASELINE, r2dbc(setup -> RawContender::new));
        ALL.put(ROWFLOW, r2dbc(setup -> pool -> new RowflowContender(pool, ROWFLOW, setup.coalescing())));
        ALL.put(ROWFLOW_UNCOALESCED, r2dbc(setup -> pool -> new RowflowContender(pool, ROWFLOW_UNCOALESCED,
                Coalescing.disabled())));
        ALL.put(ROWFLOW_OBSERVED, r2dbc(setup -> pool -> new RowflowContender(pool, ROWFLOW_OBSERVED, setup.coalescing(),
                observed())));
        ALL.put(SPRING_DATA, r2dbc(setup -> SpringDataContender::new));
        ALL.put(HIBERNATE_REACTIVE, setup -> {
            HibernateReactiveContender contender = HibernateReactiveContender.create(setup.endpoint(), setup.schema(),
                    setup.poolSize());
            return new Prepared(contender, contender::statements, () -> { });
        });
        ALL.put(JOOQ, r2dbc(setup -> Contenders::jooq));
        ALL.put(JDBC, setup -> {
            JdbcContender contender = JdbcContender.create(setup.endpoint(), setup.schema(), setup.poolSize());
            return new Prepared(contender, contender::statements, () -> { });
        });
    }

    private Contenders() {
    }

    /** A contender over its own r2dbc-pool (all connections opened up front) with a statement counter. */
    private static Factory r2dbc(Function<Setup, Function<ConnectionFactory, Contender>> contender) {
        return setup -> {
            CountingConnectionFactory counting = Pools.counting(setup.url(), setup.schema());
            ConnectionPool pool = Pools.create(counting, setup.poolSize());
            pool.warmup().block(Duration.ofSeconds(30));
            return new Prepared(contender.apply(setup).apply(pool), counting::statements,
                    () -> pool.disposeLater().block(Duration.ofSeconds(30)));
        };
    }

    /** The jOOQ contender, compiled apart for Java 21: found by name in the JDK 25 JVM that runs it. */
    private static Contender jooq(ConnectionFactory pool) {
        try {
            return (Contender) Class.forName(JOOQ_CLASS).getConstructor(ConnectionFactory.class).newInstance(pool);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The jooq contender's classes are missing from " + Runtime.version()
                    + "; benchmarks/run.sh builds them with -Pjooq and runs them on JDK 25", e);
        }
    }

    /** Observation as an application with Actuator has it: a timer per statement's key combination. */
    private static io.rowflow.observe.OperationListener observed() {
        io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
        registry.observationConfig().observationHandler(new io.micrometer.core.instrument.observation
                .DefaultMeterObservationHandler(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        return io.rowflow.observe.micrometer.RowflowObservation.listener(registry);
    }

    /** Every contender that can run here, in report order (jOOQ only when its JVM and classes are given). */
    public static List<String> names() {
        List<String> names = new ArrayList<>(ALL.keySet());
        if (!available(JOOQ)) {
            names.remove(JOOQ);
        }
        return List.copyOf(names);
    }

    /** Every contender name, in report order, whether it can run here or not. */
    public static List<String> allNames() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * Fails with {@link IllegalArgumentException} unless a contender has this name and can run
     * here.
     */
    public static void requireKnown(String name) {
        if (!ALL.containsKey(name)) {
            throw new IllegalArgumentException("Unknown contender '" + name + "'; known: " + ALL.keySet());
        }
        if (!available(name)) {
            throw new IllegalArgumentException("The " + name + " contender needs Java 21+: its classes are built by the "
                    + "jooq Maven profile and run on JDK 25; start the benchmark with benchmarks/run.sh, which sets "
                    + JOOQ_JAVA + " and " + JOOQ_CLASSPATH);
        }
    }

    private static boolean available(String name) {
        return !name.equals(JOOQ) || System.getProperty(FORKED_CHILD) != null
                || (System.getProperty(JOOQ_JAVA) != null && System.getProperty(JOOQ_CLASSPATH) != null);
    }

    /** Whether the harness runs the contender in a JVM of its own (jOOQ, on JDK 25) rather than in its own JVM. */
    public static boolean forked(String name) {
        return name.equals(JOOQ) && System.getProperty(FORKED_CHILD) == null;
    }

    /** Set in a forked contender's JVM, so it creates the contender instead of forking again. */
    static final String FORKED_CHILD = "rowflow.bench.forked";

    /**
     * The command starting a JVM for the contender: the harness's own {@code java} and classpath,
     * or for jOOQ the JDK 25 {@code java} with the jOOQ classes added.
     */
    public static List<String> javaCommand(String name, List<String> jvmOptions, Class<?> main, List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>();
        if (name.equals(JOOQ)) {
            requireKnown(name);
            java = System.getProperty(JOOQ_JAVA);
            classpath = System.getProperty(JOOQ_CLASSPATH) + File.pathSeparator + classpath;
            command.add(java);
            command.add("-D" + FORKED_CHILD + "=true");
            command.add("-Dorg.jooq.no-logo=true");
            command.add("-Dorg.jooq.no-tips=true");
            command.add("--enable-native-access=ALL-UNNAMED");      // Netty loads its native transport
        } else {
            command.add(java);
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /** Creates a contender with its own pool. */
    public static Prepared create(String name, Setup setup) {
        requireKnown(name);
        try {
            return ALL.get(name).create(setup);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the " + name + " contender: " + e.getMessage(), e);
        }
    }
}
