package navsync.sandbox.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import navsync.sandbox.odata.RowKey;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.EntityReference;

/**
 * The columns of one request body (or one bulk target), converted and validated against the entity type.
 * Values are held by attribute index: {@code null} = not in the body, {@link #NULL} = explicitly null.
 */
public final class Payload {
    /** Marks a column the body sets to null. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final EntityType type;
    private final Object[] values;
    private UUID primaryKey;
    private RowKey.Alternate alternateKey;
    private List<EntityReference> references;

    Payload(EntityType type) {
        this.type = type;
        this.values = new Object[type.attributeCount()];
    }

    public EntityType type() {
        return type;
    }

    /** The primary key given in the body (or by {@code @odata.id}); null when absent. */
    public UUID primaryKey() {
        return primaryKey;
    }

    void primaryKey(UUID id) {
        this.primaryKey = id;
    }

    /** The alternate key a bulk target names by {@code @odata.id} (UpsertMultiple [BULK]); null when absent. */
    public RowKey.Alternate alternateKey() {
        return alternateKey;
    }

    void alternateKey(RowKey.Alternate key) {
        this.alternateKey = key;
    }

    /** Raw slot: null (absent), {@link #NULL} or the value. */
    public Object slot(int index) {
        return values[index];
    }

    void set(int index, Object value) {
        values[index] = value;
        if (value instanceof EntityReference ref) {
            if (references == null) {
                references = new ArrayList<>(2);
            }
            references.add(ref);
        }
    }

    int size() {
        return values.length;
    }

    /** Lookup values set by {@code @odata.bind}, for the existence check. */
    public List<EntityReference> references() {
        return references == null ? List.of() : references;
    }
}
