package io.rowflow.test.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.test.StatementRecorder;
import io.rowflow.test.internal.RollbackConnectionProvider;
import io.rowflow.test.internal.TransactionOpener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * What {@link AutoConfigureRowflowTest} adds to a test's application context: the application's
 * Rowflow connection provider joins rollback-only test transactions, its transaction manager turns
 * the application's transactions into savepoints of the test's, a {@link StatementRecorder} bean
 * records every statement (the starter registers it on the database), and in a reactive web
 * application a web filter carries the test's transaction into each request. All of it is inert
 * while no {@link io.rowflow.test.RollbackOnly} test runs.
 *
 * <p>It names no other auto-configuration to run before or after (what it adds does not depend on
 * the order): imported into a whole application's test, an ordering against the R2DBC
 * auto-configuration would pull that ahead of the connection factory it needs.
 *
 * <p>The recorder fails a test whose single request or recording sent one statement shape more
 * than {@code rowflow.test.fail-on-repeated-shapes} times, when that property is set.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.rowflow.spring.SpringTransactionConnectionProvider")
public final class RowflowTestAutoConfiguration {

    /** The property with the N+1 threshold of the recorder bean. */
    public static final String REPEATED_SHAPES_PROPERTY = "rowflow.test.fail-on-repeated-shapes";

    /** Wraps the connection provider and the reactive transaction managers as they are created. */
    @Bean
    static BeanPostProcessor rowflowTestTransactions(ObjectProvider<ReactiveTransactionManager> transactionManager) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ConnectionProvider provider && !(bean instanceof RollbackConnectionProvider)) {
                    return new RollbackConnectionProvider(provider, new SpringTestTransactions(provider, transactionManager));
                }
                if (bean instanceof ReactiveTransactionManager manager && !(bean instanceof TestAwareTransactionManager)) {
                    return new TestAwareTransactionManager(manager);
                }
                return bean;
            }
        };
    }

    /** Records every statement of the database; an N+1 detector when the threshold property is set. */
    @Bean
    @ConditionalOnMissingBean
    public StatementRecorder rowflowStatementRecorder(Environment environment) {
        Integer threshold = environment.getProperty(REPEATED_SHAPES_PROPERTY, Integer.class);
        return threshold == null ? StatementRecorder.create() : StatementRecorder.create().failOnRepeatedShapes(threshold);
    }

    /** The web filter of reactive web applications. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Web {

        /** Runs each request in the running test's transaction and records it as one operation. */
        @Bean
        TestTransactionWebFilter rowflowTestTransactionWebFilter(ConnectionFactory connectionFactory,
                                                                 ObjectProvider<ConnectionProvider> provider,
                                                                 ObjectProvider<StatementRecorder> recorder) {
            TransactionOpener opener = provider.getIfUnique() instanceof RollbackConnectionProvider rollback
                    ? rollback.opener() : TransactionOpener.PLAIN;
            return new TestTransactionWebFilter(connectionFactory, opener, recorder.getIfUnique());
        }
    }

    @Override
    public String toString() {
        return "RowflowTestAutoConfiguration";
    }
}
