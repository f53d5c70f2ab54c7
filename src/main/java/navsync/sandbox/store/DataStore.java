package navsync.sandbox.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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

    /** Looks a referenced row up; null when its table or the row doesn't exist. */
    public Row resolve(EntityReference ref) {
        Table t = tables.get(ref.logicalName());
        return t == null ? null : t.get(ref.id());
    }

    public void clear() {
        tables.values().forEach(Table::clear);
    }
}
