package io.rowflow.examples.docs;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.convert.Converter;
import io.rowflow.spring.SpringTransactionConnectionProvider;
import io.rowflow.spring.boot.DatabaseBuilderCustomizer;
import java.time.Year;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configuration samples of {@code docs/spring.md} that are not part of the bookstore service
 * (whose code the guide quotes too). {@code SpringSnippetsTest} runs them in application contexts.
 */
public final class SpringSnippets {

    private SpringSnippets() {
    }

    /** Beans the starter applies to the {@code Database} it builds. */
    @Configuration(proxyBeanMethods = false)
    public static class CustomizedDatabase {

        @Bean
        Converter<Year, Integer> yearConverter() {
            return Converter.of(Year.class, Integer.class, Year::getValue, Year::of);
        }

        @Bean
        DatabaseBuilderCustomizer smallerInsertStatements() {
            return builder -> builder.insertChunkSize(500);
        }
    }

    /** An application building its own {@code Database}: the starter backs off. */
    @Configuration(proxyBeanMethods = false)
    public static class OwnDatabase {

        @Bean
        Database database(ConnectionFactory connectionFactory) {
            return Database.builder(connectionFactory)
                    .connectionProvider(new SpringTransactionConnectionProvider())   // join Spring transactions
                    .build();
        }
    }
}
