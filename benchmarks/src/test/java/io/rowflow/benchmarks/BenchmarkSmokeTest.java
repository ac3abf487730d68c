package io.rowflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmark code from rotting: a smoke run of every workload and contender on tiny data
 * with 50 ms rounds (the numbers mean nothing), and one short in-process iteration of each JMH
 * benchmark. Runs on the PostgreSQL in {@code ROWFLOW_TEST_POSTGRES_URL}, else the local server.
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
        String markdown = Files.readString(out.resolve("results.md"));
        assertThat(markdown).contains("| W7 | spring-data |").contains("| W6 | rowflow |");
        byte[] png = Files.readAllBytes(out.resolve("ratios.png"));
        assertThat(png).hasSizeGreaterThan(10_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
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

        assertThat(results).hasSize(12);
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
