package io.rowflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmark code from rotting: a smoke run of every workload and contender on tiny data
 * (jOOQ only when the {@code jooq} profile built it and the test runs with its JDK 25 settings)
 * with 50 ms rounds (the numbers mean nothing, but every latency must have been recorded), and one
 * short in-process iteration of each JMH benchmark. Runs on the PostgreSQL in {@code ROWFLOW_TEST_POSTGRES_URL}, else the local server.
 */
class BenchmarkSmokeTest {

    private static String postgresUrl() {
        String url = System.getenv("ROWFLOW_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? Settings.DEFAULT_URL : url;
    }

    @Test
    void runsEveryWorkloadForEveryContenderAndWritesTheReport(@TempDir Path out) throws Exception {
        BenchmarkMain.run(Settings.parse(new String[]{"--smoke", "--url", postgresUrl(),
                "--schema", "rowflow_bench_smoke", "--out", out.toString()}));

        String json = Files.readString(out.resolve("results.json"));
        for (Workload workload : Workload.values()) {
            assertThat(json).contains("\"id\": \"" + workload.name() + "\"");
        }
        for (String contender : Contenders.names()) {
            assertThat(json).contains("\"name\": \"" + contender + "\"");
        }
        assertThat(json).contains("\"peakHeapBytes\"");
        assertThat(Contenders.allNames()).containsExactly("raw", "rowflow", "rowflow-uncoalesced", "rowflow-observed",
                "spring-data", "hibernate-reactive", "jooq", "jdbc");
        if (System.getProperty(Contenders.JOOQ_CLASSPATH) == null) {      // built and run on JDK 25 only (-Pjooq)
            assertThat(Contenders.names()).doesNotContain("jooq").hasSize(Contenders.allNames().size() - 1);
        } else {
            assertThat(Contenders.names()).isEqualTo(Contenders.allNames());
            assertThat(json).contains("\"name\": \"jooq\"");
        }
        assertLatenciesPositive(json, "p50Millis");
        assertLatenciesPositive(json, "p99Millis");
        assertLatenciesPositive(json, "meanMillis");
        String markdown = Files.readString(out.resolve("results.md"));
        assertThat(markdown).contains("| W7 | spring-data |").contains("| W6 | rowflow |")
                .contains("| W9 | rowflow-uncoalesced |").contains("| W6T | rowflow |").contains("| W10 | spring-data |")
                .contains("### Latency of one lookup by id")
                .contains("| L1 | rowflow |").contains("| L64 | spring-data |")
                .contains("| W7 | hibernate-reactive |").contains("| W6 | jdbc |").contains("| L64 | jdbc |")
                .contains("| W5C | hibernate-reactive |").contains("| W5C | jdbc |").contains("| W11 | rowflow |")
                .contains("| rowflow coalescing | up to 2 lookup statements in flight per entity");
        for (String peer : PEERS_SKIPPING) {      // the new peers leave W6T, W10 and W11 out (Contender.runs)
            assertThat(markdown).doesNotContain("| W6T | " + peer + " |").doesNotContain("| W10 | " + peer + " |")
                    .doesNotContain("| W11 | " + peer + " |");
        }
        byte[] png = Files.readAllBytes(out.resolve("ratios.png"));
        assertThat(png).hasSizeGreaterThan(10_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    /** The contenders that run neither W6T, W10 nor W11 (their {@code Contender.runs} is the default). */
    private static final java.util.Set<String> PEERS_SKIPPING = java.util.Set.of("hibernate-reactive", "jooq", "jdbc");

    /**
     * Every in-process workload (all but W6 and W6T) reports the percentile for every contender that
     * runs it, above zero.
     */
    private static void assertLatenciesPositive(String json, String field) {
        Matcher values = Pattern.compile("\"" + field + "\": ([0-9.]+)").matcher(json);
        int found = 0;
        while (values.find()) {
            assertThat(Double.parseDouble(values.group(1))).as(field).isPositive();
            found++;
        }
        long inProcess = java.util.Arrays.stream(Workload.values()).filter(workload -> !workload.streaming()).count();
        long skipping = Contenders.names().stream().filter(PEERS_SKIPPING::contains).count();
        assertThat(found).as(field).isEqualTo(inProcess * Contenders.names().size() - 2 * skipping);      // W10, W11
    }

    @Test
    void runsEveryMicrobenchmark() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("io\\.rowflow\\.benchmarks\\.jmh\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build()).run();

        assertThat(results).hasSize(16);
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
