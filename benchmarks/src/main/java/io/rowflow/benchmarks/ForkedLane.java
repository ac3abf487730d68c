package io.rowflow.benchmarks;

import io.rowflow.Coalescing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A contender running in a JVM of its own (jOOQ, which needs Java 21, on JDK 25), driven round by
 * round like the in-process ones, so its rounds interleave with theirs. The JVM has the harness's
 * heap settings; its client CPU and allocation are its own process's.
 *
 * <p>One line each way: {@code RUNS <workload>} (answered {@code RUNS true} or {@code RUNS false}),
 * {@code CHECKSUM <workload>} (answered {@code CHECKSUM <value>}),
 * {@code ROUND <workload> <concurrency> <millis>} (answered {@code ROUND <operations> <nanos>
 * <cpu nanos> <allocated bytes> <statements> <latency histogram>}) and {@code END}; a failure is
 * answered {@code ERROR <message>}.
 */
final class ForkedLane implements Lane {

    /** The heap of the forked JVM, as run.sh gives the harness. */
    static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");

    private final String name;
    private final Process process;
    private final BufferedReader output;
    private final Writer input;
    private final String description;

    ForkedLane(String name, Settings settings) {
        this.name = name;
        List<String> command = Contenders.javaCommand(name, HEAP, ForkedLane.class, List.of(name, settings.url(),
                settings.schema(), Integer.toString(settings.poolSize()), Integer.toString(settings.insertRows()),
                Integer.toString(settings.coalescing().maxInFlight()), Integer.toString(settings.coalescing().maxBatchSize())));
        try {
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the JVM of the " + name + " contender: " + command.get(0), e);
        }
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String[] ready = expect("READY");
        this.description = String.join(" ", List.of(ready).subList(1, ready.length));
    }

    /** The library and JVM the forked contender runs on, as it reported them. */
    String description() {
        return description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean runs(Workload workload) {
        return Boolean.parseBoolean(send("RUNS " + workload.name()).expect("RUNS")[1]);
    }

    @Override
    public Long checksum(Workload workload) {
        String[] answer = send("CHECKSUM " + workload.name()).expect("CHECKSUM");
        return answer[1].equals("null") ? null : Long.valueOf(answer[1]);
    }

    @Override
    public Round round(Workload workload, int concurrency, Duration time) {
        String[] answer = send("ROUND " + workload.name() + " " + concurrency + " " + time.toMillis()).expect("ROUND");
        Measurement measurement = new Measurement(Long.parseLong(answer[1]), Long.parseLong(answer[2]),
                Long.parseLong(answer[3]), Long.parseLong(answer[4]), LatencyHistogram.decode(answer[6]));
        return new Round(measurement, Long.parseLong(answer[5]));
    }

    @Override
    public void close() {
        try {
            send("END");
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        } catch (RuntimeException e) {
            process.destroy();
        }
    }

    private ForkedLane send(String command) {
        try {
            input.write(command + "\n");
            input.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("The JVM of the " + name + " contender stopped; see its output above", e);
        }
    }

    /** Reads lines until one starts with the word (or ERROR), and returns its parts. */
    private String[] expect(String word) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                String[] parts = line.trim().split(" ");
                if (parts[0].equals(word)) {
                    return parts;
                }
                if (parts[0].equals("ERROR")) {
                    throw new IllegalStateException("The " + name + " contender failed: " + line.substring(6));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("The JVM of the " + name + " contender stopped before answering " + word
                + "; see its output above");
    }

    /**
     * The forked JVM: {@code contender url schema pool-size insert-rows in-flight batch}, then
     * commands on standard input.
     *
     * @param args the arguments, as the harness passes them
     */
    public static void main(String[] args) throws Exception {
        Contenders.Setup setup = new Contenders.Setup(args[1], args[2], Integer.parseInt(args[3]),
                new Coalescing(true, Integer.parseInt(args[5]), Integer.parseInt(args[6])));
        Requests requests = new Requests(Integer.parseInt(args[4]));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (InProcessLane lane = new InProcessLane(Contenders.create(args[0], setup), requests)) {
            System.out.println("READY " + lane.prepared().contender().describe() + " on Java " + Runtime.version());
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                String[] parts = command.trim().split(" ");
                if (parts[0].equals("END")) {
                    break;
                }
                try {
                    System.out.println(answer(lane, parts));
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    System.out.println("ERROR " + String.valueOf(e.getMessage()).replace('\n', ' '));
                }
            }
        }
        System.exit(0);
    }

    private static String answer(Lane lane, String[] command) {
        Workload workload = Workload.valueOf(command[1]);
        return switch (command[0]) {
            case "RUNS" -> "RUNS " + lane.runs(workload);
            case "CHECKSUM" -> "CHECKSUM " + lane.checksum(workload);
            case "ROUND" -> {
                Round round = lane.round(workload, Integer.parseInt(command[2]), Duration.ofMillis(Long.parseLong(command[3])));
                Measurement m = round.measurement();
                yield "ROUND " + m.operations() + " " + m.nanos() + " " + m.cpuNanos() + " " + m.allocatedBytes() + " "
                        + round.statements() + " " + m.latencies().encode();
            }
            default -> throw new IllegalArgumentException("Unknown command " + String.join(" ", command));
        };
    }
}
