package io.rowflow.benchmarks.report;

import io.rowflow.benchmarks.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes a {@link RunReport} as Markdown: a summary of ratios, the latency workloads' percentiles,
 * then every contender's numbers.
 */
public final class MarkdownWriter {

    private static final String ROWFLOW = "rowflow";
    /** The peer the benchmarks issue's target names: Rowflow must be ahead of it everywhere. */
    private static final String TARGET_PEER = "spring-data";
    /** Below this ratio the documentation owes a "what we lose and why" paragraph. */
    static final double EXPLAIN_BELOW = 0.95;
    private static final double MIB = 1024.0 * 1024.0;

    private MarkdownWriter() {
    }

    /** The report as Markdown. */
    public static String write(RunReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### Median throughput as a ratio to raw R2DBC (same run)\n\n");
        List<String> contenders = report.workloads().stream().flatMap(result -> result.contenders().stream())
                .map(ContenderResult::contender).distinct().toList();      // a contender may skip a workload (runs)
        md.append("| workload | raw R2DBC (median) |");
        contenders.stream().filter(c -> !c.equals(report.workloads().get(0).baseline()))
                .forEach(c -> md.append(' ').append(c).append(" |"));
        md.append(" Rowflow target |\n|---|---:|");
        contenders.stream().skip(1).forEach(c -> md.append("---:|"));
        md.append("---|\n");
        for (WorkloadResult result : report.workloads()) {
            ContenderResult base = result.baselineResult();
            md.append("| ").append(result.workload().name()).append(' ').append(result.workload().title())
                    .append(" | ").append(throughput(base.median())).append(' ').append(result.workload().unit()).append(" |");
            for (String name : contenders) {
                if (!name.equals(result.baseline())) {
                    ContenderResult c = result.result(name).orElse(null);
                    md.append(' ').append(c == null ? "—" : ratio(result.ratio(c)) + extra(result.workload(), c)).append(" |");
                }
            }
            md.append(' ').append(verdict(result)).append(" |\n");
        }
        md.append("\nStatements are counted per request (W5: per bulk insert")
                .append("; W6, W6T: per stream; W7, W10: per load of all authors); coalesced lookups share a statement, so ")
                .append("rowflow may send less than one per request. Peak heap is W6's, at -Xmx128m.\n\n");
        md.append("Client CPU is the harness JVM's CPU time (all threads: contender, driver event loops, GC) per request, ")
                .append("insert, stream or load during the measured rounds: the client-side cost, which the load of other ")
                .append("processes changes far less than throughput, and alike for every contender. Allocated is the heap ")
                .append("those threads allocated per request. A contender in a JVM of its own (jooq; every contender on W6) ")
                .append("is measured in that JVM.\n\n");
        latencies(md, report.workloads());
        behind(md, report.workloads());
        md.append("### Every round\n\n");
        md.append("| workload | contender | min | median | max | ratio (median) | ratio by round | statements | client CPU | allocated | peak heap | live heap |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WorkloadResult result : report.workloads()) {
            for (ContenderResult c : result.contenders()) {
                double[] range = result.roundRatioRange(c);
                md.append("| ").append(result.workload().name()).append(" | ").append(c.contender())
                        .append(" | ").append(throughput(c.min()))
                        .append(" | ").append(throughput(c.median()))
                        .append(" | ").append(throughput(c.max()))
                        .append(" | ").append(ratio(result.ratio(c)))
                        .append(" | ").append(ratio(range[0])).append("–").append(ratio(range[1]))
                        .append(" | ").append(statements(c.statementsPerOp()))
                        .append(" | ").append(micros(c.cpuMicrosPerOp()))
                        .append(" | ").append(kib(c.allocatedKibPerOp()))
                        .append(" | ").append(c.peakHeapBytes() == null ? "" : mib(c.peakHeapBytes()))
                        .append(" | ").append(c.liveHeapBytes() == null ? "" : c.liveHeapBytes() == 0 ? "no GC" : mib(c.liveHeapBytes()))
                        .append(" |\n");
            }
        }
        md.append("\nThroughput units: ");
        for (Workload workload : report.workloads().stream().map(WorkloadResult::workload).toList()) {
            md.append(workload.name()).append(' ').append(workload.unit()).append(" (").append(workload.shape()).append("); ");
        }
        md.setLength(md.length() - 2);
        md.append(".\n\n### Machine and settings\n\n");
        table(md, report.machine());
        md.append('\n');
        table(md, report.settings());
        return md.toString();
    }

    private static void latencies(StringBuilder md, List<WorkloadResult> results) {
        List<WorkloadResult> timed = results.stream().filter(r -> r.workload().latency()).toList();
        if (timed.isEmpty()) {
            return;
        }
        md.append("### Latency of one lookup by id (W1's request)\n\n");
        md.append("| workload | contender | p50 | p99 | mean | p50 ratio to raw | requests timed |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (WorkloadResult result : timed) {
            for (ContenderResult c : result.contenders()) {
                Latency latency = c.latency();
                if (latency != null) {
                    md.append("| ").append(result.workload().name()).append(" | ").append(c.contender())
                            .append(" | ").append(millis(latency.p50Millis()))
                            .append(" | ").append(millis(latency.p99Millis()))
                            .append(" | ").append(millis(latency.meanMillis()))
                            .append(" | ").append(ratio(result.latencyRatio(c)))
                            .append(" | ").append(String.format(Locale.ROOT, "%,d", latency.samples()))
                            .append(" |\n");
                }
            }
        }
        md.append("\nEvery request of the measured rounds is timed from subscription to completion; the rounds' ")
                .append("timings are merged before the percentiles are taken (buckets under 1 % wide). ")
                .append("A p50 ratio above 1 is slower than raw R2DBC.\n\n");
    }

    /**
     * Every workload where {@code rowflow} (or {@code rowflow-uncoalesced}) runs at less than
     * {@value #EXPLAIN_BELOW} of raw R2DBC's or a peer's median throughput: each needs its "what we
     * lose and why" paragraph in the documentation.
     */
    private static void behind(StringBuilder md, List<WorkloadResult> results) {
        StringBuilder rows = new StringBuilder();
        for (WorkloadResult result : results) {
            for (String rowflow : List.of(ROWFLOW, ROWFLOW + "-uncoalesced")) {
                ContenderResult ours = result.result(rowflow).orElse(null);
                if (ours == null) {
                    continue;
                }
                for (ContenderResult other : result.contenders()) {
                    if (other.contender().startsWith(ROWFLOW) || other.median() <= 0) {
                        continue;
                    }
                    double ratio = ours.median() / other.median();
                    if (ratio < EXPLAIN_BELOW) {
                        rows.append("| ").append(result.workload().name()).append(' ').append(result.workload().title())
                                .append(" | ").append(rowflow).append(" | ").append(other.contender())
                                .append(" | ").append(ratio(ratio)).append(" |\n");
                    }
                }
            }
        }
        if (rows.length() == 0) {
            return;
        }
        md.append("### Where Rowflow is behind (median throughput ratio under ").append(ratio(EXPLAIN_BELOW)).append(")\n\n");
        md.append("| workload | Rowflow contender | against | ratio |\n|---|---|---|---:|\n").append(rows);
        md.append("\nEach needs its \"what we lose and why\" paragraph in docs/performance.md.\n\n");
    }

    private static String extra(Workload workload, ContenderResult c) {
        StringBuilder extra = new StringBuilder();
        if (workload == Workload.W7 || workload == Workload.W9 || workload == Workload.W6T
                || workload == Workload.W11) {
            extra.append(" (").append(statements(c.statementsPerOp())).append(" statements)");
        }
        if (workload.streaming() && c.peakHeapBytes() != null) {
            extra.append(" (peak heap ").append(mib(c.peakHeapBytes())).append(')');
        }
        return extra.toString();
    }

    private static String verdict(WorkloadResult result) {
        ContenderResult rowflow = result.result(ROWFLOW).orElse(null);
        if (rowflow == null) {
            return "";
        }
        if (result.workload().target().isEmpty()) {
            return "—";
        }
        double target = result.workload().target().getAsDouble();
        boolean met = result.ratio(rowflow) >= target;
        String condition = "≥ " + ratio(target);
        if (result.workload() == Workload.W7) {
            condition += ", same statements";
            met &= Math.abs(rowflow.statementsPerOp() - result.baselineResult().statementsPerOp()) < 0.01;
        }
        if (result.workload().streaming()) {
            condition += ", heap < 96 MiB";
            met &= rowflow.peakHeapBytes() != null && rowflow.peakHeapBytes() < 96 * MIB;
        }
        ContenderResult peer = result.result(TARGET_PEER).orElse(null);      // the target names Spring Data only
        if (peer != null) {
            met &= rowflow.median() > peer.median();
        }
        return condition + (met ? ": **met**" : ": **missed**");
    }

    private static void table(StringBuilder md, Map<String, String> values) {
        md.append("| | |\n|---|---|\n");
        values.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n"));
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(OptionalDouble value) {
        return value.isPresent() ? ratio(value.getAsDouble()) : "";
    }

    static String throughput(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String statements(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f ms", value);
    }

    private static String micros(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%,.0f ms", value / 1_000)
                : String.format(Locale.ROOT, "%,.0f µs", value);
    }

    private static String kib(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%,.1f MiB", value / 1_024)
                : String.format(Locale.ROOT, "%,.1f KiB", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }
}
