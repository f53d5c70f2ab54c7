package navsync.sandbox.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.odata.RowKey;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.NavigationProperty;
import navsync.sandbox.schema.Schema;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;

/**
 * Turns a JSON entity body into a {@link Payload}, rejecting what the Web API's OData reader and the platform's
 * validation reject: unknown properties, wrong JSON types, over-long strings, out-of-range numbers, invalid
 * choice values, lookup values written as {@code _x_value}. Annotations other than {@code @odata.bind},
 * {@code @odata.type} and {@code @odata.id} are ignored [section 11 item 7].
 * Read-only columns (e.g. createdon, versionnumber, fullname) are type-checked and then ignored, as the platform
 * drops attribute values that are not valid for the operation (inference: the reference lists the
 * IsValidForCreate/Update flags but documents no error for them).
 */
public final class PayloadReader {
    /** Earliest DateTime Dataverse stores (SQL datetime); 1753-01-01 is also NAV's blank date. */
    private static final Instant MIN_DATETIME = Instant.parse("1753-01-01T00:00:00Z");
    private static final Instant MAX_DATETIME = Instant.parse("9999-12-31T23:59:59.999Z");

    private final Schema schema;
    private final DataStore store;

    /** The store resolves alternate keys in {@code @odata.bind} URLs. */
    public PayloadReader(DataStore store) {
        this.schema = store.schema();
        this.store = store;
    }

    /** How the body is used: a single request body, or one item of a bulk action's {@code Targets}. */
    public enum Mode {
        SINGLE,
        /** {@code @odata.type} is required: Targets is a collection of the abstract crmbaseentity (inference). */
        BULK_TARGET
    }

    public Payload read(EntityType type, JsonNode body, Mode mode) {
        if (body == null || !body.isObject()) {
            throw DataverseException.payload(type.entitySetName(), "The request body must be a JSON object representing '"
                    + type.odataType() + "'.");
        }
        Payload p = new Payload(type);
        boolean typed = false;
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            int at = key.indexOf('@');
            if (at == 0) {
                if (key.equals("@odata.type")) {
                    checkType(type, value);
                    typed = true;
                } else if (key.equals("@odata.id") && mode == Mode.BULK_TARGET) {
                    readOdataId(type, value, p);
                }
                // other instance annotations (@odata.etag, @odata.context, ...) are ignored
            } else if (at > 0) {
                if (key.endsWith("@odata.bind")) {
                    readBind(type, key.substring(0, at), value, p);
                }
                // property annotations (FormattedValue, lookuplogicalname, ...) are ignored
            } else {
                readProperty(type, key, value, p);
            }
        }
        if (mode == Mode.BULK_TARGET && !typed) {
            throw DataverseException.payload(type.entitySetName(), "Each item in 'Targets' must set the '@odata.type' "
                    + "property, e.g. \"@odata.type\": \"" + type.odataType() + "\".");
        }
        return p;
    }

    private void checkType(EntityType type, JsonNode value) {
        String t = value.isTextual() ? value.asText() : value.toString();
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        if (!t.equals(type.odataType()) && !t.equals("Microsoft.Dynamics.CRM.crmbaseentity")) {
            throw DataverseException.payload(type.entitySetName(), "An entity with type '" + t + "' was found, but it is "
                    + "not assignable to the expected type '" + type.odataType() + "'.");
        }
    }

    private void readOdataId(EntityType type, JsonNode value, Payload p) {
        EntityKeys.EntityAddress address = value.isTextual() ? EntityKeys.parseEntityUrl(schema, value.asText()) : null;
        if (address == null) {
            throw DataverseException.payload(type.entitySetName(), "The value of '@odata.id' is not a valid entity URL: "
                    + value);
        }
        if (address.type() != type) {
            throw DataverseException.payload(type.entitySetName(), "The '@odata.id' " + value.asText()
                    + " does not address the entity set '" + type.entitySetName() + "'.");
        }
        if (address.key() instanceof RowKey.Alternate alternate) {
            p.alternateKey(alternate);
        } else {
            setPrimaryKey(type, ((RowKey.Id) address.key()).id(), p);
        }
    }

    private void setPrimaryKey(EntityType type, UUID id, Payload p) {
        if (p.primaryKey() != null && !p.primaryKey().equals(id)) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT, "The primary key '"
                    + type.primaryKey().logicalName() + "' is given twice with different values.");
        }
        p.primaryKey(id);
        p.set(type.primaryKey().index(), id);
    }

    private void readBind(EntityType type, String navName, JsonNode value, Payload p) {
        NavigationProperty nav = type.navigationProperty(navName);
        if (nav == null) {
            throw DataverseException.payload(type.entitySetName(), "An undeclared property '" + navName
                    + "' which only has property annotations in the payload but no property value was found in the "
                    + "payload. In OData, only declared navigation properties and declared named streams can be "
                    + "represented as properties without values.");
        }
        Attribute a = nav.attribute();
        if (value.isNull()) {
            p.set(a.index(), Payload.NULL); // clearing a lookup [ASSOC]
            return;
        }
        EntityKeys.EntityAddress address = value.isTextual() ? EntityKeys.parseEntityUrl(schema, value.asText()) : null;
        if (address == null) {
            throw DataverseException.payload(type.entitySetName(), "The value '" + value.asText() + "' of '" + navName
                    + "@odata.bind' is not a valid entity URL such as '/" + targetSet(nav) + "(<guid>)'.");
        }
        if (!nav.targets().contains(address.type().logicalName())) {
            throw DataverseException.payload(type.entitySetName(), "The navigation property '" + navName
                    + "' can't reference the entity set '" + address.type().entitySetName() + "'; it expects "
                    + nav.targets() + ".");
        }
        p.set(a.index(), new EntityReference(address.type().logicalName(), idOf(address)));
    }

    /** The id behind an address; an alternate key must name an existing row (the bind target must exist). */
    private UUID idOf(EntityKeys.EntityAddress address) {
        if (address.key() instanceof RowKey.Id byId) {
            return byId.id();
        }
        RowKey.Alternate key = (RowKey.Alternate) address.key();
        UUID id = store.table(address.type()).findByKey(key.key(), key.values());
        if (id == null) {
            throw EntityService.keyNotFound(address.type());
        }
        return id;
    }

    private String targetSet(NavigationProperty nav) {
        EntityType t = schema.byLogicalName(nav.targets().get(0));
        return t == null ? nav.targets().get(0) + "s" : t.entitySetName();
    }

    private void readProperty(EntityType type, String key, JsonNode value, Payload p) {
        Attribute a = type.property(key);
        if (a == null) {
            NavigationProperty nav = type.navigationProperty(key);
            if (nav != null) {
                readNavigationValue(type, nav, value, p);
                return;
            }
            throw DataverseException.payload(type.entitySetName(), "The property '" + key + "' does not exist on type '"
                    + type.odataType() + "'. Make sure to only use property names that are defined by the type or "
                    + "mark the type as open type.");
        }
        if (a.type() == AttributeType.LOOKUP) {
            throw DataverseException.badRequest(ErrorCodes.QUERY_ERROR,
                    "CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.");
        }
        Object v = convert(type, a, value);
        if (a.isPrimaryKey()) {
            if (v == Payload.NULL) {
                throw DataverseException.payload(type.entitySetName(), "The primary key '" + key + "' can't be null.");
            }
            setPrimaryKey(type, (UUID) v, p);
            return;
        }
        if (a.validForCreate() || a.validForUpdate()) {
            p.set(a.index(), v);
        }
    }

    private void readNavigationValue(EntityType type, NavigationProperty nav, JsonNode value, Payload p) {
        if (value.isNull()) {
            p.set(nav.attribute().index(), Payload.NULL); // "parentaccountid": null clears the lookup [ASSOC]
        } else if (value.isObject() || value.isArray()) {
            throw DataverseException.notImplemented("Deep insert through the navigation property '" + nav.name() + "'");
        } else {
            throw DataverseException.payload(type.entitySetName(), "A 'PrimitiveValue' node with non-null value was "
                    + "found when trying to read the value of the navigation property '" + nav.name() + "'; however, a "
                    + "'StartArray' node, a 'StartObject' node, or a 'PrimitiveValue' node with null value was expected.");
        }
    }

    /** JSON value to the stored Java value ({@link Payload#NULL} for null), validating type, length and range. */
    Object convert(EntityType type, Attribute a, JsonNode v) {
        if (v.isNull()) {
            return Payload.NULL;
        }
        switch (a.type()) {
            case STRING, MEMO -> {
                if (!v.isTextual()) {
                    throw cannotConvert(type, a, v);
                }
                String s = v.asText();
                if (s.length() > a.maxLength()) {
                    throw DataverseException.validation("The length of the '" + a.logicalName() + "' attribute of the '"
                            + type.logicalName() + "' entity exceeded the maximum allowed length of '" + a.maxLength()
                            + "'.");
                }
                return s;
            }
            case INTEGER, PICKLIST, STATE, STATUS -> {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw cannotConvert(type, a, v);
                }
                int i = v.intValue();
                if (a.type().isChoice()) {
                    if (!a.options().containsKey(i)) {
                        throw DataverseException.validation("The value " + i + " of '" + a.logicalName()
                                + "' on record of type '" + type.logicalName() + "' is outside the valid range.");
                    }
                } else {
                    checkRange(type, a, BigDecimal.valueOf(i));
                }
                return i;
            }
            case BIGINT -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw cannotConvert(type, a, v);
                }
                return v.longValue();
            }
            case DECIMAL, MONEY -> {
                if (!v.isNumber()) {
                    throw cannotConvert(type, a, v);
                }
                BigDecimal d = v.decimalValue();
                checkRange(type, a, d);
                return d.setScale(a.precision(), RoundingMode.HALF_UP);
            }
            case DOUBLE -> {
                if (!v.isNumber()) {
                    throw cannotConvert(type, a, v);
                }
                BigDecimal d = v.decimalValue();
                checkRange(type, a, d);
                return d.setScale(a.precision(), RoundingMode.HALF_UP).doubleValue();
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw cannotConvert(type, a, v);
                }
                return v.booleanValue();
            }
            case DATETIME -> {
                if (!v.isTextual()) {
                    throw cannotConvert(type, a, v);
                }
                Instant t;
                try {
                    t = OffsetDateTime.parse(v.asText()).toInstant().truncatedTo(ChronoUnit.MILLIS);
                } catch (DateTimeParseException ex) {
                    throw cannotConvert(type, a, v);
                }
                if (t.isBefore(MIN_DATETIME) || t.isAfter(MAX_DATETIME)) {
                    throw DataverseException.validation("The date-time format for '" + a.logicalName()
                            + "' is invalid, or value is outside the supported range.");
                }
                return t;
            }
            case DATEONLY -> {
                if (!v.isTextual()) {
                    throw cannotConvert(type, a, v);
                }
                try {
                    return LocalDate.parse(v.asText());
                } catch (DateTimeParseException ex) {
                    throw cannotConvert(type, a, v);
                }
            }
            case UNIQUEIDENTIFIER -> {
                UUID id = v.isTextual() ? EntityKeys.parseGuid(v.asText()) : null;
                if (id == null) {
                    throw cannotConvert(type, a, v);
                }
                return id;
            }
            default -> throw new IllegalStateException("unexpected type " + a.type());
        }
    }

    private static void checkRange(EntityType type, Attribute a, BigDecimal d) {
        if ((a.minValue() != null && d.compareTo(a.minValue()) < 0)
                || (a.maxValue() != null && d.compareTo(a.maxValue()) > 0)) {
            throw DataverseException.validation("The value " + d.toPlainString() + " of '" + a.logicalName()
                    + "' on record of type '" + type.logicalName() + "' is outside the valid range. Accepted range: "
                    + a.minValue().toPlainString() + " to " + a.maxValue().toPlainString() + ".");
        }
    }

    private static DataverseException cannotConvert(EntityType type, Attribute a, JsonNode v) {
        if (v.isContainerNode()) {
            return DataverseException.payload(type.entitySetName(), "An unexpected '"
                    + (v.isObject() ? "StartObject" : "StartArray") + "' node was found when reading the property '"
                    + a.logicalName() + "'. A 'PrimitiveValue' node was expected.");
        }
        return DataverseException.payload(type.entitySetName(), "Cannot convert the literal '" + v.asText()
                + "' to the expected type '" + a.type().edmType() + "'.");
    }
}
