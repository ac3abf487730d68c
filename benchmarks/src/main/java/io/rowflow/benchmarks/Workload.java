package io.rowflow.benchmarks;

import java.util.OptionalDouble;

/**
 * The workloads, in report order: W1–W8 of the benchmarks issue (with W6T, W6 inside a transaction),
 * W9 for relationship loading under concurrency, W10 for W7's rows read through one {@code JOIN}
 * projected into records, W11 for a fetch plan with a per-parent limit (top-N per parent), and
 * L1/L64, W1's lookup measured for its latency at concurrency 1 and 64.
 */
public enum Workload {
    W1("one row by primary key", "requests/s", "1 lookup per request, 64 concurrent requests"),
    W2("20 single-row queries per request", "requests/s", "20 concurrent lookups per request, 64 concurrent requests"),
    W3("fortunes: read all 12, add one, sort", "requests/s", "64 concurrent requests"),
    W4("20 reads, then their 20 updates, per request", "requests/s", "20 concurrent reads, then one write of the 20 rows, per request, 64 concurrent requests"),
    W5("insert 10,000 rows", "rows/s", "one insert of 10,000 rows at a time, generated ids read back"),
    W5C("insert 10,000 rows, ids not read back", "rows/s", "one insert of 10,000 rows at a time, nothing read back"),
    W6("stream 1,000,000 rows and count them", "rows/s", "one stream at a time, in a forked JVM with -Xmx128m"),
    W6T("W6 inside a transaction", "rows/s", "one stream at a time, each in a transaction, in a forked JVM with -Xmx128m"),
    W7("1,000 authors with their 10 books each", "loads/s", "one load of all authors with books at a time"),
    W8("filtered, sorted, paged query", "requests/s", "year range + title prefix, ORDER BY year DESC, id, LIMIT 20 OFFSET 0-180, 64 concurrent requests"),
    W9("one author by id with its books", "requests/s", "1 author with its 10 books per request, random author, 64 concurrent requests"),
    W10("1,000 authors × 10 books through one JOIN, into records", "loads/s", "one load of the 10,000 joined rows at a time, projected into records"),
    W11("1,000 authors with their 3 latest books each", "loads/s", "one load of all authors with their top 3 books by year at a time"),
    L1("one row by id, latency at concurrency 1", "requests/s", "W1's lookup, 1 request at a time"),
    L64("one row by id, latency at concurrency 64", "requests/s", "W1's lookup, 64 concurrent requests");

    private final String title;
    private final String unit;
    private final String shape;

    Workload(String title, String unit, String shape) {
        this.title = title;
        this.unit = unit;
        this.shape = shape;
    }

    /** What the workload does, for reports. */
    public String title() {
        return title;
    }

    /** The unit of its throughput. */
    public String unit() {
        return unit;
    }

    /** A label of a few words, for the chart. */
    public String label() {
        return name() + " " + switch (this) {
            case W1 -> "by id";
            case W2 -> "20 by id";
            case W3 -> "fortunes";
            case W4 -> "read+update";
            case W5 -> "insert";
            case W5C -> "insert, no ids";
            case W6 -> "stream";
            case W6T -> "stream in tx";
            case W7 -> "with books";
            case W8 -> "DSL page";
            case W9 -> "1 author + books";
            case W10 -> "JOIN into records";
            case W11 -> "top 3 books";
            case L1 -> "latency, 1";
            case L64 -> "latency, 64";
        };
    }

    /** How it is driven. */
    public String shape() {
        return shape;
    }

    /** Requests in flight at once. */
    public int concurrency() {
        return switch (this) {
            case W5, W5C, W6, W6T, W7, W10, W11, L1 -> 1;
            default -> 64;
        };
    }

    /** Whether it inserts into {@code bench_item}, emptied before each round. */
    public boolean inserts() {
        return this == W5 || this == W5C;
    }

    /** Whether it streams the event table in forked JVMs with a small heap (W6, W6T). */
    public boolean streaming() {
        return this == W6 || this == W6T;
    }

    /** Whether its report is about per-request latency (percentiles), not only throughput. */
    public boolean latency() {
        return this == L1 || this == L64;
    }

    /** The benchmarks issue's target for Rowflow as a median ratio to raw R2DBC, if it sets one (W1–W8). */
    public OptionalDouble target() {
        return ordinal() <= W8.ordinal() ? OptionalDouble.of(0.90) : OptionalDouble.empty();
    }
}
