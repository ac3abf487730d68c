package io.rowflow.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.rowflow.observe.micrometer.RowflowObservation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bookstore service observed: one HTTP request is one server observation, and the statements
 * Rowflow sends for it are its children, with Rowflow's keys and no bound value anywhere.
 */
class BookstoreObservationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void oneRequestIsAServerObservationWithRowflowStatementsAsChildren() throws Exception {
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BookstoreApplication.class)
                .initializers(application -> application.getBeanFactory().registerSingleton("observationRegistry", registry))
                .run("--server.port=0")) {
            stopped.clear();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            HttpResponse<String> books = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/books?q=Earthsea")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(books.statusCode()).isEqualTo(200);
            assertThat(books.body()).contains("A Wizard of Earthsea");
            io.rowflow.test.Await.until("the server observation stopped", TIMEOUT,
                    () -> stopped.stream().anyMatch(observed -> observed.getName().equals("http.server.requests")));
            Observation.Context server = stopped.stream()
                    .filter(observed -> observed.getName().equals("http.server.requests")).findFirst().orElseThrow();
            List<Observation.Context> statements = stopped.stream()
                    .filter(observed -> observed.getName().equals(RowflowObservation.STATEMENT)).toList();
            assertThat(statements).isNotEmpty().allSatisfy(statement -> {
                assertThat(statement.getParentObservation()).isNotNull();
                assertThat(statement.getParentObservation().getContextView()).isSameAs(server);
                assertThat(statement.getLowCardinalityKeyValue(RowflowObservation.DB_SYSTEM).getValue()).isEqualTo("h2");
                assertThat(statement.getLowCardinalityKeyValue(RowflowObservation.OUTCOME).getValue()).isEqualTo("success");
                assertThat(statement.getHighCardinalityKeyValue(RowflowObservation.STATEMENT_SQL).getValue()).contains("SELECT");
            });
            assertThat(statements).extracting(statement -> statement.getLowCardinalityKeyValue(RowflowObservation.OPERATION)
                    .getValue() + " " + statement.getLowCardinalityKeyValue(RowflowObservation.ENTITY).getValue())
                    .contains("query ShopBook");
            for (Observation.Context observed : stopped) {
                for (KeyValue keyValue : observed.getAllKeyValues()) {
                    assertThat(keyValue.getValue()).as("%s of %s", keyValue.getKey(), observed.getName())
                            .doesNotContainIgnoringCase("earthsea");
                }
            }
        }
    }
}
