package io.rowflow;

/**
 * How relationships are loaded by one {@link Database#findAll(Class, LoadOptions, io.rowflow.sql.Fetchable...)}
 * or {@link Database#load(org.reactivestreams.Publisher, LoadOptions, io.rowflow.sql.Fetchable...)} call:
 * the parents are cut into batches of {@code batchSize}, and each relationship costs one follow-up
 * query per batch (and per chunk of keys, see {@link io.rowflow.dialect.Dialect#arrayChunkSize()}).
 * Larger batches mean fewer statements and more memory per batch; smaller ones emit sooner.
 *
 * <pre>{@code
 * db.findAll(Writer.class, LoadOptions.batchesOf(1_000), WRITER.novels)
 * }</pre>
 *
 * @param batchSize parents per batch, or {@code 0} for the database's default
 *                  ({@link DatabaseBuilder#relationBatchSize(int)}, 256 unless set)
 * @since 0.1
 */
public record LoadOptions(int batchSize) {

    /** Checks the batch size: positive, or {@code 0} for the database's default. */
    public LoadOptions {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must not be negative: " + batchSize);
        }
    }

    /** The database's defaults. */
    public static LoadOptions defaults() {
        return new LoadOptions(0);
    }

    /** Batches of this many parents, whatever the database's default. */
    public static LoadOptions batchesOf(int parents) {
        return defaults().withBatchSize(parents);
    }

    /** A copy with batches of this many parents; throws {@link IllegalArgumentException} unless positive. */
    public LoadOptions withBatchSize(int parents) {
        if (parents < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + parents);
        }
        return new LoadOptions(parents);
    }
}
