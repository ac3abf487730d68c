package io.rowflow.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service the way the documented command does (the same main class, the default
 * configuration: embedded H2 with sample data) on a random port, and calls it over HTTP like curl.
 */
class BookstoreApplicationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnEmbeddedH2WithSampleDataAndAnswersHttpRequests() throws Exception {
        try (ConfigurableApplicationContext context = BookstoreApplication.start("--server.port=0")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            HttpResponse<String> books = get(port, "/books");
            assertThat(books.statusCode()).isEqualTo(200);
            assertThat(books.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            assertThat(books.body().lines()).hasSize(6).first().asString()
                    .startsWith("{\"id\":1,\"title\":\"A Wizard of Earthsea\"");

            HttpResponse<String> author = get(port, "/authors/1");
            assertThat(author.statusCode()).isEqualTo(200);
            assertThat(author.body()).startsWith("{\"id\":1,\"name\":\"Ursula K. Le Guin\"").contains("The Dispossessed");

            HttpResponse<String> missing = get(port, "/books/404");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(missing.body()).contains("\"detail\":\"No book with id 404\"");
        }
    }

    @Test
    void theReadmeAndTheSpringGuideGiveTheStartCommand() throws IOException {
        String command = BookstoreApplication.START_COMMAND;
        assertThat(command).contains("-Dexec.mainClass=" + BookstoreApplication.class.getName());
        assertThat(Files.readString(Path.of("../README.md"))).contains(command);
        assertThat(Files.readString(Path.of("../docs/spring.md"))).contains(command);
    }
}
