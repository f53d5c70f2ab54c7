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

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.schema.AlternateKey;
import navsync.sandbox.schema.EntityType;

/**
 * The rows of one table: a hash index for lookups by id, an id-ordered index for paging in primary-key order, a
 * version-ordered index and a deletion log for change tracking, and one unique index per alternate key.
 * Writes run as {@link Transaction}s under the table's write lock and become visible all at once (so a failing
 * bulk request leaves nothing behind); reads take the read lock, so they never see half of a write.
 *
 * <p>Inside {@link DataStore#atomically} (a {@code $batch} change set) the thread holds every table's write lock and
 * one transaction per table: writes join it, and reads on that thread see what it staged.
 */
public final class Table {
    /** Primary-key order: unsigned, i.e. the lexicographic order of the lower-case GUID text. */
    public static final Comparator<UUID> ID_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** The transactions of the change set running on this thread, if any. */
    private static final ThreadLocal<Map<Table, Transaction>> UNIT = new ThreadLocal<>();

    private final EntityType type;
    private final HashMap<UUID, Row> rows = new HashMap<>();
    private final TreeMap<UUID, Row> ordered = new TreeMap<>(ID_ORDER);
    private final TreeMap<Long, Row> byVersion = new TreeMap<>();
    private final TreeMap<Long, UUID> deletions = new TreeMap<>();
    private final List<KeyIndex> keys = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Instant lastWriteTime = Instant.EPOCH; // guarded by the write lock

    Table(EntityType type) {
        this.type = type;
        for (AlternateKey k : type.alternateKeys()) {
            keys.add(new KeyIndex(k));
        }
    }

    public EntityType type() {
        return type;
    }

    public Row get(UUID id) {
        Transaction unit = enlisted();
        if (unit != null) {
            return unit.get(id);
        }
        lock.readLock().lock();
        try {
            return rows.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The id of the row whose alternate key {@code key} has {@code values}; null when none. */
    public UUID findByKey(AlternateKey key, List<Object> values) {
        KeyIndex index = index(key);
        List<Object> normalised = KeyIndex.normalise(values);
        Transaction unit = enlisted();
        if (unit != null) {
            return unit.owner(index, normalised);
        }
        lock.readLock().lock();
        try {
            return index.get(normalised);
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

    /**
     * Change tracking: visits the current rows whose version is in {@code (after, upTo]} in version order, until the
     * visitor returns false. A row changed several times appears once, with its latest version.
     */
    public void scanChanged(long after, long upTo, Predicate<Row> visitor) {
        lock.readLock().lock();
        try {
            for (Row row : byVersion.subMap(after, false, upTo, true).values()) {
                if (!visitor.test(row)) {
                    return;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A deleted row: its id and the version its deletion got. */
    public record Deletion(UUID id, long version) {
    }

    /**
     * Change tracking: visits the rows deleted with a version in {@code (after, upTo]} that don't exist again now (an
     * upsert may re-create an id), in version order, until the visitor returns false.
     */
    public void scanDeleted(long after, long upTo, Predicate<Deletion> visitor) {
        lock.readLock().lock();
        try {
            for (Map.Entry<Long, UUID> e : deletions.subMap(after, false, upTo, true).entrySet()) {
                if (!rows.containsKey(e.getValue()) && !visitor.test(new Deletion(e.getValue(), e.getKey()))) {
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
     * {@code work} returns normally; an exception discards them. Inside a change set, joins its transaction.
     */
    public <T> T write(Function<Transaction, T> work) {
        Transaction unit = enlisted();
        if (unit != null) {
            return work.apply(unit);
        }
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

    /** The deletion log, for saving. */
    public List<Deletion> deletionLog() {
        lock.readLock().lock();
        try {
            List<Deletion> out = new ArrayList<>(deletions.size());
            deletions.forEach((v, id) -> out.add(new Deletion(id, v)));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces the content with saved rows and deletions. */
    public void load(List<Row> saved, List<Deletion> deleted) {
        lock.writeLock().lock();
        try {
            clearLocked();
            for (Row row : saved) {
                index(row);
            }
            for (Deletion d : deleted) {
                deletions.put(d.version(), d.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            clearLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void clearLocked() {
        rows.clear();
        ordered.clear();
        byVersion.clear();
        deletions.clear();
        keys.forEach(KeyIndex::clear);
    }

    /* Change-set support for DataStore: lock, join, commit, unlock. */

    boolean tryLockForUnit(long millis) throws InterruptedException {
        return lock.writeLock().tryLock(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void unlockForUnit() {
        lock.writeLock().unlock();
    }

    Transaction newTransaction() {
        return new Transaction();
    }

    static void enlist(Map<Table, Transaction> unit) {
        UNIT.set(unit);
    }

    static void delist() {
        UNIT.remove();
    }

    static boolean inUnit() {
        return UNIT.get() != null;
    }

    private Transaction enlisted() {
        Map<Table, Transaction> unit = UNIT.get();
        return unit == null ? null : unit.get(this);
    }

    private KeyIndex index(AlternateKey key) {
        for (KeyIndex k : keys) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException(key + " is not a key of " + type);
    }

    private void index(Row row) {
        rows.put(row.id(), row);
        ordered.put(row.id(), row);
        byVersion.put(row.version(), row);
        for (KeyIndex k : keys) {
            k.add(row);
        }
    }

    private void unindex(Row old) {
        byVersion.remove(old.version());
        for (KeyIndex k : keys) {
            k.remove(old);
        }
    }

    private static final Row DELETED = new Row(new UUID(0, 0), -1, new Object[0]);

    /** Staged writes of one {@link #write} call; reads see the staged state. Used only under the write lock. */
    public final class Transaction {
        private final Map<UUID, Row> staged = new HashMap<>();
        private final Map<UUID, Long> deletionVersions = new HashMap<>();
        private Map<KeyIndex, Map<List<Object>, UUID>> stagedKeys;

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

        /**
         * Stages a row. Fails with DuplicateRecordEntityKey ([ERRCODES]; HTTP 412 like DuplicateRecord [COMPOSE],
         * inference) when another row holds the same alternate-key values.
         */
        public void put(Row row) {
            for (KeyIndex k : keys) {
                List<Object> v = k.valuesOf(row);
                if (v != null) {
                    UUID owner = owner(k, v);
                    if (owner != null && !owner.equals(row.id())) {
                        throw duplicateKey(k.key());
                    }
                }
            }
            staged.put(row.id(), row);
            for (KeyIndex k : keys) {
                List<Object> v = k.valuesOf(row);
                if (v != null) {
                    stagedKeys(k).put(v, row.id());
                }
            }
        }

        /** Stages a deletion; {@code version} orders it among the changes for change tracking. */
        public void delete(UUID id, long version) {
            staged.put(id, DELETED);
            deletionVersions.put(id, version);
        }

        /** The id of the row (staged or committed) holding alternate-key {@code values}; null when none. */
        public UUID findByKey(AlternateKey key, List<Object> values) {
            return owner(index(key), KeyIndex.normalise(values));
        }

        private UUID owner(KeyIndex k, List<Object> values) {
            UUID s = stagedKeys == null ? null : stagedKeys(k).get(values);
            if (s != null && holds(k, s, values)) {
                return s;
            }
            UUID c = k.get(values);
            return c != null && holds(k, c, values) ? c : null;
        }

        private boolean holds(KeyIndex k, UUID id, List<Object> values) {
            Row r = get(id);
            return r != null && values.equals(k.valuesOf(r));
        }

        private Map<List<Object>, UUID> stagedKeys(KeyIndex k) {
            if (stagedKeys == null) {
                stagedKeys = new HashMap<>();
            }
            return stagedKeys.computeIfAbsent(k, x -> new HashMap<>());
        }

        void commit() {
            // unindex every old version first, so keys that move between rows in one transaction don't collide
            for (UUID id : staged.keySet()) {
                Row old = rows.get(id);
                if (old != null) {
                    unindex(old);
                }
            }
            for (Map.Entry<UUID, Row> e : staged.entrySet()) {
                if (e.getValue() == DELETED) {
                    if (rows.remove(e.getKey()) != null) {
                        ordered.remove(e.getKey());
                        deletions.put(deletionVersions.get(e.getKey()), e.getKey());
                    }
                } else {
                    index(e.getValue());
                }
            }
        }
    }

    private static DataverseException duplicateKey(AlternateKey key) {
        List<String> names = key.attributes().stream().map(a -> a.logicalName()).toList();
        return new DataverseException(412, ErrorCodes.DUPLICATE_RECORD_ENTITY_KEY, "Entity Key " + key.name()
                + " violated. A record with the same value for " + String.join(",", names) + " already exists.");
    }
}
