package io.rowflow.benchmarks;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.benchmarks.raw.RawContender;
import io.rowflow.benchmarks.rowflow.RowflowContender;
import io.rowflow.benchmarks.spring.SpringDataContender;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The contenders by name, raw R2DBC first: it is the floor every ratio is taken against. */
public final class Contenders {

    /** The name of the contender ratios are relative to. */
    public static final String BASELINE = "raw";

    private static final Map<String, Function<ConnectionFactory, Contender>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(BASELINE, RawContender::new);
        ALL.put("rowflow", RowflowContender::new);
        ALL.put("spring-data", SpringDataContender::new);
    }

    private Contenders() {
    }

    /** Every contender name, in report order. */
    public static java.util.List<String> names() {
        return java.util.List.copyOf(ALL.keySet());
    }

    /** Fails with {@link IllegalArgumentException} unless a contender has this name. */
    public static void requireKnown(String name) {
        if (!ALL.containsKey(name)) {
            throw new IllegalArgumentException("Unknown contender '" + name + "'; known: " + ALL.keySet());
        }
    }

    /** Creates a contender over a pooled connection factory. */
    public static Contender create(String name, ConnectionFactory pool) {
        Function<ConnectionFactory, Contender> factory = ALL.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown contender '" + name + "'; known: " + ALL.keySet());
        }
        return factory.apply(pool);
    }
}
