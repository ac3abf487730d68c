package io.rowflow.examples.docs;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;

/**
 * The code samples of {@code docs/dialects.md}, run by {@code DialectSnippetsTest}.
 */
public final class DialectSnippets {

    private DialectSnippets() {
    }

    public static Database detectingLedger(ConnectionFactory factory) {
        return Database.builder(factory)
                .registerDialect(new LedgerDialect())    // chosen when the driver reports "LedgerDB"; built-ins otherwise
                .build();
    }

    public static Database alwaysLedger(ConnectionFactory factory) {
        return Database.builder(factory)
                .dialect(new LedgerDialect())    // no detection at all
                .build();
    }
}
