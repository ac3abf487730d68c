package io.rowflow.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * A whole run: where it ran, with which settings, and the results.
 *
 * @param machine   cores, CPU, JVM, OS, PostgreSQL version, date
 * @param settings  mode, rounds, round time, pool size, URL (without password)
 * @param workloads the results, in workload order
 */
public record RunReport(Map<String, String> machine, Map<String, String> settings, List<WorkloadResult> workloads) {

    /** Copies the parts, keeping their order. */
    public RunReport {
        machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine));
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        workloads = List.copyOf(workloads);
    }
}
