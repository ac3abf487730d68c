package io.rowflow.internal.copy;

import io.rowflow.internal.mapping.MappedColumn;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The binary COPY stream of a chunk of rows, in pages of a few hundred rows each: the signature and
 * header, one tuple per row (field count, then each field's length and binary form, {@code -1} for
 * {@code NULL}), and the trailer. Pages are encoded as they are requested, so memory holds the chunk's
 * entities plus a page or two.
 */
public final class CopyPages {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int ROWS_PER_PAGE = 512;

    private final List<MappedColumn> columns;
    private final List<CopyType> types;

    CopyPages(List<MappedColumn> columns, List<CopyType> types) {
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
    }

    /**
     * The pages of these rows, each row the column values of one entity (indexed by
     * {@link MappedColumn#index()}), converted by the columns' codecs as they are written.
     */
    public Flux<byte[]> pages(List<Object[]> rows) {
        return Flux.fromIterable(rows).buffer(ROWS_PER_PAGE).index()
                .map(page -> encode(page.getT2(), page.getT1() == 0))
                .concatWith(Flux.defer(() -> Flux.just(new CopyBuffer(2).writeShort(-1).toArray())))
                .switchIfEmpty(Flux.just(header(new CopyBuffer(32)).writeShort(-1).toArray()));
    }

    private byte[] encode(List<Object[]> rows, boolean first) {
        CopyBuffer out = new CopyBuffer(rows.size() * (2 + columns.size() * 16) + (first ? 19 : 0));
        if (first) {
            header(out);
        }
        for (Object[] row : rows) {
            out.writeShort(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                MappedColumn column = columns.get(i);
                Object value = column.codec().toDatabase(row[column.index()]);
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    types.get(i).write(out, value);
                }
            }
        }
        return out.toArray();
    }

    private static CopyBuffer header(CopyBuffer out) {
        return out.writeBytes(SIGNATURE).writeInt(0).writeInt(0);
    }
}
