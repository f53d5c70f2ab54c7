package navsync.sandbox.store;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.Schema;

/** All tables plus the global row-version counter (versionnumber is one increasing sequence for all tables). */
public final class DataStore {
    private final Schema schema;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final AtomicLong versions = new AtomicLong(1_000_000L);

    public DataStore(Schema schema) {
        this.schema = schema;
        for (EntityType t : schema.types()) {
            tables.put(t.logicalName(), new Table(t));
        }
    }

    public Schema schema() {
        return schema;
    }

    /** By logical name; null when the table isn't served. */
    public Table table(String logicalName) {
        return tables.get(logicalName);
    }

    public Table table(EntityType type) {
        return tables.get(type.logicalName());
    }

    /** The next versionnumber; strictly increasing across all tables. */
    public long nextVersion() {
        return versions.incrementAndGet();
    }

    /** The last versionnumber handed out: every committed change has a version at or below it. */
    public long currentVersion() {
        return versions.get();
    }

    /** Restores the counter after loading saved rows. */
    public void restoreVersion(long version) {
        versions.set(version);
    }

    /** Looks a referenced row up; null when its table or the row doesn't exist. */
    public Row resolve(EntityReference ref) {
        Table t = tables.get(ref.logicalName());
        return t == null ? null : t.get(ref.id());
    }

    /**
     * Runs {@code work} as one transaction over all tables (a {@code $batch} change set): every table's write lock
     * is held, writes inside join one transaction per table, reads on this thread see them, and all of them become
     * visible when {@code work} returns, or none when it throws. Nested calls join the outer one.
     */
    public <T> T atomically(Supplier<T> work) {
        if (Table.inUnit()) {
            return work.get();
        }
        List<Table> all = List.copyOf(tables.values());
        int locked = lockAll(all);
        try {
            Map<Table, Table.Transaction> unit = new IdentityHashMap<>();
            for (Table t : all) {
                unit.put(t, t.newTransaction());
            }
            Table.enlist(unit);
            T result = work.get();
            for (Table t : all) {
                unit.get(t).commit();
            }
            return result;
        } finally {
            Table.delist();
            for (int i = locked - 1; i >= 0; i--) {
                all.get(i).unlockForUnit();
            }
        }
    }

    /**
     * Takes every write lock, or none and tries again: a query holding one table's read lock may wait for another
     * table's (a lookup in its $filter), so holding some write locks while waiting for the rest could deadlock.
     */
    private static int lockAll(List<Table> all) {
        try {
            while (true) {
                int locked = 0;
                while (locked < all.size() && all.get(locked).tryLockForUnit(5)) {
                    locked++;
                }
                if (locked == all.size()) {
                    return locked;
                }
                for (int i = locked - 1; i >= 0; i--) {
                    all.get(i).unlockForUnit();
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locking the tables", e);
        }
    }

    public void clear() {
        tables.values().forEach(Table::clear);
    }
}
