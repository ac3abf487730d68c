package io.rowflow.examples.web;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The bookstore web service: a Spring Boot WebFlux application whose {@code Database} comes from
 * the Rowflow starter. Runs on embedded H2 by default ({@code application.properties}); pass
 * {@code --spring.r2dbc.url=r2dbc:postgresql://...} to run it on PostgreSQL.
 */
@SpringBootApplication
public class BookstoreApplication {

    /** The one command that starts the service from the repository's root, as the README gives it. */
    public static final String START_COMMAND =
            "mvn -B -q -pl examples -am -DskipTests package exec:java -Dexec.mainClass=io.rowflow.examples.web.BookstoreApplication";

    /** Starts the service; Spring Boot's command-line arguments ({@code --server.port=...}) apply. */
    public static void main(String[] args) {
        start(args);
    }

    /** Starts the service and returns its running application context. */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(BookstoreApplication.class, args);
    }

    /** Spring's own SQL client, used beside Rowflow in {@link TransferService}. */
    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }
}
