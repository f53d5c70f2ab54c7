package navsync.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

import navsync.sandbox.schema.EntityType;

/**
 * The rows of one table: a hash index for lookups by id and an id-ordered index for paging in primary-key order.
 * Writes run as {@link Transaction}s under the table's write lock and become visible all at once (so a failing
 * bulk request leaves nothing behind); reads take the read lock, so they never see half of a write.
 */
public final class Table {
    /** Primary-key order: unsigned, i.e. the lexicographic order of the lower-case GUID text. */
    public static final Comparator<UUID> ID_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final EntityType type;
    private final HashMap<UUID, Row> rows = new HashMap<>();
    private final TreeMap<UUID, Row> ordered = new TreeMap<>(ID_ORDER);
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Instant lastWriteTime = Instant.EPOCH; // guarded by the write lock

    Table(EntityType type) {
        this.type = type;
    }

    public EntityType type() {
        return type;
    }

    public Row get(UUID id) {
        lock.readLock().lock();
        try {
            return rows.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A consistent snapshot of all rows (no write is half visible), in no particular order. */
    public List<Row> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(rows.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Visits rows in primary-key order (descending if asked), starting after {@code after} (exclusive; null = from
     * the first row), until {@code visitor} returns false. Runs under the read lock: keep the visitor cheap.
     */
    public void scan(UUID after, boolean descending, Predicate<Row> visitor) {
        lock.readLock().lock();
        try {
            NavigableMap<UUID, Row> view = descending ? ordered.descendingMap() : ordered;
            if (after != null) {
                view = view.tailMap(after, false);
            }
            for (Row row : view.values()) {
                if (!visitor.test(row)) {
                    return;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} under the write lock. Changes staged in the transaction are published only when
     * {@code work} returns normally; an exception discards them.
     */
    public <T> T write(Function<Transaction, T> work) {
        lock.writeLock().lock();
        try {
            Transaction tx = new Transaction();
            T result = work.apply(tx);
            tx.commit();
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            rows.clear();
            ordered.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static final Row DELETED = new Row(new UUID(0, 0), -1, new Object[0]);

    /** Staged writes of one {@link #write} call; reads see the staged state. Used only under the write lock. */
    public final class Transaction {
        private final Map<UUID, Row> staged = new HashMap<>();

        private Transaction() {
        }

        /**
         * The write time for this transaction: {@code clockNow}, but never earlier than the previous write to this
         * table, so timestamps don't decrease in commit order even if the wall clock steps back.
         */
        public Instant timestamp(Instant clockNow) {
            if (clockNow.isAfter(lastWriteTime)) {
                lastWriteTime = clockNow;
            }
            return lastWriteTime;
        }

        public Row get(UUID id) {
            Row r = staged.get(id);
            if (r == null) {
                return rows.get(id);
            }
            return r == DELETED ? null : r;
        }

        public void put(Row row) {
            staged.put(row.id(), row);
        }

        public void delete(UUID id) {
            staged.put(id, DELETED);
        }

        private void commit() {
            for (Map.Entry<UUID, Row> e : staged.entrySet()) {
                if (e.getValue() == DELETED) {
                    rows.remove(e.getKey());
                    ordered.remove(e.getKey());
                } else {
                    rows.put(e.getKey(), e.getValue());
                    ordered.put(e.getKey(), e.getValue());
                }
            }
        }
    }
}
