package navsync.sync;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Groups a stream of rows into batches without reading ahead more than one batch; closing it closes
 * the underlying stream (a camel-jdbc result set), also when a split stops early.
 */
final class Batches<T> implements Iterator<List<T>>, Closeable {

    private final Iterator<T> rows;
    private final int size;

    Batches(Iterator<T> rows, int size) {
        this.rows = rows;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public List<T> next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException();
        }
        List<T> batch = new ArrayList<>(size);
        while (batch.size() < size && rows.hasNext()) {
            batch.add(rows.next());
        }
        return batch;
    }

    @Override
    public void close() throws IOException {
        if (rows instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
