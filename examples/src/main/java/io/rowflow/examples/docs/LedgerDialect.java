package io.rowflow.examples.docs;

import io.rowflow.convert.Converter;
import io.rowflow.dialect.Feature;
import io.rowflow.dialect.StandardSqlDialect;
import io.rowflow.dialect.Upsert;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sample dialect of {@code docs/dialects.md}: a dialect for "LedgerDB", an imagined database
 * close to standard SQL, written against Rowflow's public SPI only. Its tests run it on H2, whose
 * SQL it happens to speak.
 */
public final class LedgerDialect extends StandardSqlDialect {

    @Override
    public String name() {
        return "LedgerDB";
    }

    @Override
    public boolean matches(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).equals("ledgerdb");    // what its R2DBC driver reports
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.of(Feature.RETURNING, Feature.CASE_SENSITIVE_LIKE);    // no NULLS FIRST: Rowflow emulates it
    }

    @Override
    public String bindMarker(int index) {
        return "$" + (index + 1);    // a driver binding by position would want "?"
    }

    @Override
    public String returning(String dataChangeStatement, List<String> quotedColumns) {
        return "SELECT " + String.join(", ", quotedColumns) + " FROM FINAL TABLE (" + dataChangeStatement + ")";
    }

    @Override
    public String upsert(Upsert upsert) {
        throw new UnsupportedOperationException("LedgerDB has no upsert: insert or update explicitly");
    }

    @Override
    public Converter<?, ?> converterFor(Class<?> javaType) {
        return javaType == Duration.class    // no interval type: store durations as milliseconds
                ? Converter.of(Duration.class, Long.class, Duration::toMillis, Duration::ofMillis)
                : null;
    }

    @Override
    public int inListChunkSize() {
        return 500;    // keys per IN (...) list when loading relationships
    }

    @Override
    protected String unboundedTextType() {
        return "varchar(4000)";
    }

    @Override
    protected String unboundedDecimalType() {
        return "decfloat";
    }

    @Override
    protected String binaryType() {
        return "varbinary(1000000)";
    }
}
