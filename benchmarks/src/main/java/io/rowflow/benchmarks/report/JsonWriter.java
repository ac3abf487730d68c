package io.rowflow.benchmarks.report;

import io.rowflow.benchmarks.Workload;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link RunReport} as JSON (by hand: the structure is small and fixed). */
public final class JsonWriter {

    private JsonWriter() {
    }

    /** The report as a JSON document. */
    public static String write(RunReport report) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"machine\": ").append(object(report.machine())).append(",\n");
        json.append("  \"settings\": ").append(object(report.settings())).append(",\n");
        json.append("  \"workloads\": [\n");
        for (Iterator<WorkloadResult> it = report.workloads().iterator(); it.hasNext(); ) {
            workload(json, it.next());
            json.append(it.hasNext() ? ",\n" : "\n");
        }
        return json.append("  ]\n}\n").toString();
    }

    private static void workload(StringBuilder json, WorkloadResult result) {
        Workload workload = result.workload();
        json.append("    {\"id\": ").append(string(workload.name()))
                .append(", \"title\": ").append(string(workload.title()))
                .append(", \"unit\": ").append(string(workload.unit()))
                .append(", \"shape\": ").append(string(workload.shape()))
                .append(", \"baseline\": ").append(string(result.baseline()))
                .append(", \"target\": ").append(workload.target().isPresent() ? number(workload.target().getAsDouble()) : "null")
                .append(",\n     \"contenders\": [\n");
        for (Iterator<ContenderResult> it = result.contenders().iterator(); it.hasNext(); ) {
            ContenderResult c = it.next();
            double[] range = result.roundRatioRange(c);
            json.append("       {\"name\": ").append(string(c.contender()))
                    .append(", \"rounds\": ").append(numbers(c.rounds()))
                    .append(", \"min\": ").append(number(c.min()))
                    .append(", \"median\": ").append(number(c.median()))
                    .append(", \"max\": ").append(number(c.max()))
                    .append(", \"ratio\": ").append(number(result.ratio(c)))
                    .append(", \"roundRatioMin\": ").append(number(range[0]))
                    .append(", \"roundRatioMax\": ").append(number(range[1]))
                    .append(", \"statementsPerOp\": ").append(number(c.statementsPerOp()))
                    .append(", \"cpuMicrosPerOp\": ").append(number(c.cpuMicrosPerOp()))
                    .append(", \"allocatedKibPerOp\": ").append(number(c.allocatedKibPerOp()));
            if (c.peakHeapBytes() != null) {
                json.append(", \"peakHeapBytes\": ").append(c.peakHeapBytes());
            }
            if (c.liveHeapBytes() != null) {
                json.append(", \"liveHeapBytes\": ").append(c.liveHeapBytes());
            }
            if (c.latency() != null) {
                latency(json, c.latency(), result.latencyRatio(c).orElse(Double.NaN));
            }
            json.append('}').append(it.hasNext() ? ",\n" : "\n");
        }
        json.append("     ]}");
    }

    private static void latency(StringBuilder json, Latency latency, double p50Ratio) {
        json.append(",\n        \"latency\": {\"samples\": ").append(latency.samples())
                .append(", \"p50Millis\": ").append(number(latency.p50Millis()))
                .append(", \"p99Millis\": ").append(number(latency.p99Millis()))
                .append(", \"meanMillis\": ").append(number(latency.meanMillis()))
                .append(", \"p50Ratio\": ").append(Double.isNaN(p50Ratio) ? "null" : number(p50Ratio))
                .append('}');
    }

    private static String object(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        for (Iterator<Map.Entry<String, String>> it = values.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> entry = it.next();
            json.append(string(entry.getKey())).append(": ").append(string(entry.getValue()));
            if (it.hasNext()) {
                json.append(", ");
            }
        }
        return json.append('}').toString();
    }

    private static String numbers(List<Double> values) {
        return values.stream().map(JsonWriter::number).toList().toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
