package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rowflow.examples.web.BookstoreApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the command-line demo the README's quick start runs, and checks what it prints. */
class DemoTest {

    @Test
    void tourOnEmbeddedH2PrintsEveryStepAndCompletes() {
        String output = runDemo();

        assertThat(output).startsWith("Rowflow demo on H2 (" + Demo.H2_URL + ")");
        assertThat(output.lines().filter(line -> line.matches("\\d\\. .*"))).hasSize(9);
        assertThat(output).contains(
                "insert(Author record) -> Author[id=1, name=Ursula K. Le Guin, born=1929]",
                "insert(Book)          -> id 1, version 0  (set on the same instance: true)",
                "findById(Author.class, 1) -> Author[id=1, name=Ursula K. Le Guin, born=1929]",
                "count(Author.class)       -> 3",
                "[The Player of Games by Iain M. Banks, The Dispossessed by Ursula K. Le Guin]",
                "update(first copy)  -> saved, version 1 -> 2",
                "update(second copy) -> OptimisticLockException:",
                "books before: 4, after: 4",
                "commit refused with TransactionRollbackException",
                "\"The Left Hand of Darkness\" stored: no",
                "\"The Left Hand of Darkness\" stored: yes",
                "#8 The Left Hand of Darkness    8.50  v0  first edition: Ace Books, 1969");
        assertThat(output).doesNotContain("saved?!");
    }

    @Test
    void tourEndsWithTheCommandThatStartsTheWebService() {
        List<String> lines = runDemo().lines().toList();

        assertThat(lines.get(lines.size() - 3)).startsWith("Done. Next, the same library in a Spring WebFlux service");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(BookstoreApplication.START_COMMAND)
                .isEqualTo("mvn -B -q -pl examples -am -DskipTests package exec:java "
                        + "-Dexec.mainClass=io.rowflow.examples.web.BookstoreApplication");
    }

    @Test
    void tourCanRunAgainOnTheSameDatabase() {
        String first = runDemo();
        String second = runDemo();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void rejectsArgumentsOtherThanUrl() {
        assertThatThrownBy(() -> Demo.main(new String[]{"--uri", "r2dbc:h2:mem:///x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("usage: Demo [--url");
        assertThat(Demo.urlFrom(new String[]{"--url", "r2dbc:postgresql://db/test"})).isEqualTo("r2dbc:postgresql://db/test");
    }

    @Test
    void printsTheUrlWithoutItsPassword() {
        assertThat(Demo.withoutPassword("r2dbc:postgresql://app:s3cr:et@db.example.org:5432/library"))
                .isEqualTo("r2dbc:postgresql://app:***@db.example.org:5432/library");
        assertThat(Demo.withoutPassword("r2dbc:postgresql://postgres@127.0.0.1:5432/test"))
                .isEqualTo("r2dbc:postgresql://postgres@127.0.0.1:5432/test");
        assertThat(Demo.withoutPassword(Demo.H2_URL)).isEqualTo(Demo.H2_URL);
    }

    /** Runs {@code Demo.main} with no arguments (embedded H2) and returns what it printed. */
    private static String runDemo() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Demo.main(new String[0]));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
