package io.rowflow.test.spring;

import io.rowflow.test.StatementRecorder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Clears the application context's {@link StatementRecorder} before each test and runs its N+1
 * check after it, as the recorder does when registered as an extension itself.
 */
final class SpringStatementRecorderCallbacks implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        StatementRecorder recorder = recorder(context);
        if (recorder != null) {
            recorder.beforeEach(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        StatementRecorder recorder = recorder(context);
        if (recorder != null) {
            recorder.afterEach(context);
        }
    }

    private static StatementRecorder recorder(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        return application.getBeanProvider(StatementRecorder.class).getIfUnique();
    }
}
