package navsync.sandbox.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A table: names, primary key, attributes and navigation properties. Immutable. */
public final class EntityType {
    private final String logicalName;
    private final String entitySetName;
    private final Attribute primaryKey;
    private final Attribute primaryName;
    private final List<Attribute> attributes;
    private final Map<String, Attribute> byLogicalName;
    private final Map<String, Attribute> byPropertyName;
    private final Map<String, NavigationProperty> navigation;
    private final List<Attribute> systemRequired;
    private final List<Derivation> derivations;
    private final List<AlternateKey> alternateKeys;
    private final Attribute odataKey;
    private final String baseType;

    private EntityType(Builder b) {
        this.logicalName = b.logicalName;
        this.entitySetName = b.entitySetName;
        List<Attribute> attrs = new ArrayList<>();
        Map<String, Attribute> logical = new HashMap<>();
        Map<String, Attribute> property = new HashMap<>();
        Map<String, NavigationProperty> nav = new LinkedHashMap<>();
        List<Attribute> required = new ArrayList<>();
        for (Attribute.Builder ab : b.attributes) {
            Attribute a = ab.build(attrs.size());
            attrs.add(a);
            if (logical.put(a.logicalName(), a) != null) {
                throw new IllegalArgumentException("duplicate attribute " + a.logicalName() + " on " + logicalName);
            }
            property.put(a.propertyName(), a);
            a.navigation().forEach((name, targets) -> nav.put(name, new NavigationProperty(name, a, targets)));
            if (a.requiredLevel() == RequiredLevel.SYSTEM_REQUIRED) {
                required.add(a);
            }
        }
        this.attributes = Collections.unmodifiableList(attrs);
        this.byLogicalName = Collections.unmodifiableMap(logical);
        this.byPropertyName = Collections.unmodifiableMap(property);
        this.navigation = Collections.unmodifiableMap(nav);
        this.systemRequired = List.copyOf(required);
        this.primaryKey = logical.get(b.primaryKey);
        this.primaryName = b.primaryName == null ? null : logical.get(b.primaryName);
        if (primaryKey == null || primaryKey.type() != AttributeType.UNIQUEIDENTIFIER) {
            throw new IllegalArgumentException("primary key of " + logicalName + " must be a uniqueidentifier attribute");
        }
        List<Derivation> ds = new ArrayList<>();
        for (Function<EntityType, Derivation> f : b.derivations) {
            ds.add(f.apply(this));
        }
        this.derivations = List.copyOf(ds);
        List<AlternateKey> keys = new ArrayList<>();
        for (KeyDefinition k : b.keys) {
            List<Attribute> columns = new ArrayList<>();
            for (String c : k.columns()) {
                Attribute a = logical.get(c.startsWith("_") && c.endsWith("_value") ? c.substring(1, c.length() - 6) : c);
                if (a == null) {
                    throw new IllegalArgumentException("alternate key " + k + ": " + logicalName + " has no column " + c);
                }
                columns.add(a);
            }
            keys.add(new AlternateKey(k.keyName(), columns));
        }
        this.alternateKeys = List.copyOf(keys);
        this.odataKey = b.odataKey == null ? primaryKey : logical.get(b.odataKey);
        this.baseType = b.baseType;
    }

    public String logicalName() {
        return logicalName;
    }

    public String entitySetName() {
        return entitySetName;
    }

    /** {@code Microsoft.Dynamics.CRM.<logicalname>}, the OData type name. */
    public String odataType() {
        return "Microsoft.Dynamics.CRM." + logicalName;
    }

    public Attribute primaryKey() {
        return primaryKey;
    }

    /**
     * The key of the OData entity type: the primary key, except for systemuser, which inherits {@code ownerid} as its
     * key from {@code principal} [ALTKEY]. Payloads always carry it, which is why "createdby expansion returns both
     * systemuserid and ownerid" [Q-JOIN].
     */
    public Attribute odataKey() {
        return odataKey;
    }

    /** The OData base type's name ({@code crmbaseentity}, or {@code principal} for owners). */
    public String baseType() {
        return baseType;
    }

    public Attribute primaryName() {
        return primaryName;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public int attributeCount() {
        return attributes.size();
    }

    /** By logical name ({@code parentaccountid}); null when unknown. */
    public Attribute attribute(String logicalName) {
        return byLogicalName.get(logicalName);
    }

    /** By JSON property name ({@code name}, {@code _parentaccountid_value}); null when unknown. */
    public Attribute property(String propertyName) {
        return byPropertyName.get(propertyName);
    }

    public NavigationProperty navigationProperty(String name) {
        return navigation.get(name);
    }

    public List<Attribute> systemRequired() {
        return systemRequired;
    }

    public List<Derivation> derivations() {
        return derivations;
    }

    /** Alternate keys defined on this table (none unless configured). */
    public List<AlternateKey> alternateKeys() {
        return alternateKeys;
    }

    @Override
    public String toString() {
        return logicalName;
    }

    public static Builder builder(String logicalName, String entitySetName) {
        return new Builder(logicalName, entitySetName);
    }

    /** Collects attributes in order; the order is the column order of rows returned without $select. */
    public static final class Builder {
        private final String logicalName;
        private final String entitySetName;
        private String primaryKey;
        private String primaryName;
        private final List<Attribute.Builder> attributes = new ArrayList<>();
        private final List<Function<EntityType, Derivation>> derivations = new ArrayList<>();
        private final List<KeyDefinition> keys = new ArrayList<>();
        private String odataKey;
        private String baseType = "crmbaseentity";

        private Builder(String logicalName, String entitySetName) {
            this.logicalName = logicalName;
            this.entitySetName = entitySetName;
        }

        /** Adds the uniqueidentifier primary key: valid for create (client-set ids), not for update. */
        public Builder primaryKey(String name) {
            this.primaryKey = name;
            attributes.add(Attribute.guid(name).primaryKey());
            return this;
        }

        public Builder primaryName(String name) {
            this.primaryName = name;
            return this;
        }

        public Builder add(Attribute.Builder... attrs) {
            attributes.addAll(List.of(attrs));
            return this;
        }

        /** A computed column: the function gets the finished type to look up attribute indexes. */
        public Builder derive(Function<EntityType, Derivation> derivation) {
            derivations.add(derivation);
            return this;
        }

        /** The type derives from {@code principal}, whose key {@code ownerid} it inherits (systemuser, team). */
        public Builder principal(String keyColumn) {
            this.odataKey = keyColumn;
            this.baseType = "principal";
            return this;
        }

        /** An alternate key over existing columns. */
        public Builder alternateKey(KeyDefinition key) {
            keys.add(key);
            return this;
        }

        public String logicalName() {
            return logicalName;
        }

        public EntityType build() {
            return new EntityType(this);
        }
    }
}
