package io.rowflow.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.Database;
import io.rowflow.SchemaValidationException;
import io.rowflow.examples.mismatch.MisspelledBook;
import io.rowflow.spring.boot.StartupSchemaValidation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void startsFromTheFlywayMigrationsAndValidatesTheEntitiesAgainstThem() {
        try (ConfigurableApplicationContext context = BookstoreApplication.start("--server.port=0",
                "--spring.r2dbc.url=r2dbc:h2:mem:///bookstore_migrated?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                "--spring.flyway.url=jdbc:h2:mem:bookstore_migrated;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE")) {
            Database db = context.getBean(Database.class);
            assertThat(db.sql("select version from flyway_schema_history where success and version is not null order by installed_rank")
                    .mapTo(String.class).fetch().collectList().block(TIMEOUT)).containsExactly("1");
            assertThat(context.getBeansOfType(StartupSchemaValidation.class)).as("validated at start-up").hasSize(1);
            assertThat(db.count(ShopBook.class).block(TIMEOUT)).isEqualTo(6);
        }
    }

    @Test
    void anEntityTheMigrationsDoNotMatchStopsTheStart() {
        assertThatThrownBy(() -> BookstoreApplication.start("--server.port=0",
                "--spring.r2dbc.url=r2dbc:h2:mem:///bookstore_mismatch?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                "--spring.flyway.url=jdbc:h2:mem:bookstore_mismatch;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                "--rowflow.schema.entities=" + ShopBook.class.getName() + "," + MisspelledBook.class.getName()))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("shop_book")
                .hasMessageContaining("isbn");
    }

    @Test
    void theSpringGuideQuotesTheServicesMigrationSettings() throws IOException {
        List<String> settings = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith("spring.r2dbc.url=") || line.startsWith("spring.flyway.")
                        || line.startsWith("rowflow.schema."))
                .toList();
        assertThat(settings).hasSize(4);
        String guide = Files.readString(Path.of("../docs/spring.md"));
        assertThat(settings).allSatisfy(line -> assertThat(guide).contains(line));
    }

    @Test
    void theReadmeAndTheSpringGuideGiveTheStartCommand() throws IOException {
        String command = BookstoreApplication.START_COMMAND;
        assertThat(command).contains("-Dexec.mainClass=" + BookstoreApplication.class.getName());
        assertThat(Files.readString(Path.of("../README.md"))).contains(command);
        assertThat(Files.readString(Path.of("../docs/spring.md"))).contains(command);
    }
}
