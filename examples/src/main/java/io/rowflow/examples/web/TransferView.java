package io.rowflow.examples.web;

import java.util.List;

/** The outcome of a transfer: how many books moved, and every book of the recipient afterwards. */
public record TransferView(long fromAuthorId, long toAuthorId, int moved, List<BookView> booksOfRecipient) {
}
