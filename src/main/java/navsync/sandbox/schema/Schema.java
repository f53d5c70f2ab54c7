package navsync.sandbox.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables the sandbox serves, by entity set name and by logical name. */
public final class Schema {
    private final Map<String, EntityType> bySetName = new LinkedHashMap<>();
    private final Map<String, EntityType> byLogicalName = new LinkedHashMap<>();

    public Schema(List<EntityType> types) {
        for (EntityType t : types) {
            bySetName.put(t.entitySetName(), t);
            byLogicalName.put(t.logicalName(), t);
        }
    }

    /** Null when unknown. Entity set names are case-sensitive in the Web API. */
    public EntityType byEntitySet(String entitySetName) {
        return bySetName.get(entitySetName);
    }

    public EntityType byLogicalName(String logicalName) {
        return byLogicalName.get(logicalName);
    }

    public Collection<EntityType> types() {
        return Collections.unmodifiableCollection(bySetName.values());
    }
}
