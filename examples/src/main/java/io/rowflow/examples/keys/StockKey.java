package io.rowflow.examples.keys;

/** The key of a stock row: a store and a film. */
public record StockKey(int storeId, int filmId) {
}
