package navsync.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.json.Json;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;

/**
 * The choice (option set) metadata of a Picklist column and the {@code InsertOptionValue} action
 * [Query table definitions; InsertOptionValue Action]:
 * {@code GET EntityDefinitions(LogicalName='account')/Attributes(LogicalName='paymenttermscode')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)}
 * and {@code POST InsertOptionValue} with {@code EntityLogicalName}, {@code AttributeLogicalName},
 * {@code Label.LocalizedLabels[0].Label} and an optional {@code Value}; it answers {@code NewOptionValue}.
 * Also one column's definition ({@code EntityDefinitions(LogicalName='account')/Attributes(LogicalName='creditlimit')}),
 * with a number column's Precision. Other metadata queries stay unserved.
 */
final class OptionSetEndpoint {

    private static final Pattern ATTRIBUTE = Pattern.compile("EntityDefinitions\\(LogicalName='([a-z0-9_]+)'\\)"
            + "/Attributes\\(LogicalName='([a-z0-9_]+)'\\)");
    private static final Pattern PICKLIST = Pattern.compile("EntityDefinitions\\(LogicalName='([a-z0-9_]+)'\\)"
            + "/Attributes\\(LogicalName='([a-z0-9_]+)'\\)/Microsoft\\.Dynamics\\.CRM\\.PicklistAttributeMetadata");
    private static final int LANGUAGE = 1033;

    private final ApiContext ctx;

    OptionSetEndpoint(ApiContext ctx) {
        this.ctx = ctx;
    }

    static boolean serves(String resource) {
        return resource.startsWith("EntityDefinitions");
    }

    ApiResponse picklist(ApiRequest req) {
        Matcher column = ATTRIBUTE.matcher(req.resource());
        if (column.matches()) {
            return attribute(req, column.group(1), column.group(2));
        }
        Matcher m = PICKLIST.matcher(req.resource());
        if (!m.matches()) {
            throw DataverseException.notImplemented("The metadata query '" + req.resource() + "'");
        }
        Attribute attribute = picklistAttribute(m.group(1), m.group(2));
        String raw = req.incoming().rawQuery();
        boolean options = raw != null && raw.contains("OptionSet");
        return ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot() + "$metadata#EntityDefinitions('" + m.group(1)
                    + "')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata(LogicalName,OptionSet)/$entity");
            g.writeStringField("LogicalName", attribute.logicalName());
            g.writeStringField("MetadataId", UUID.nameUUIDFromBytes((m.group(1) + "." + m.group(2)).getBytes()).toString());
            if (options) {
                g.writeObjectFieldStart("OptionSet");
                g.writeStringField("MetadataId", UUID.nameUUIDFromBytes((m.group(1) + "." + m.group(2) + ".options")
                        .getBytes()).toString());
                g.writeArrayFieldStart("Options");
                for (Map.Entry<Integer, String> option : attribute.options().entrySet()) {
                    g.writeStartObject();
                    g.writeNumberField("Value", option.getKey());
                    g.writeObjectFieldStart("Label");
                    g.writeArrayFieldStart("LocalizedLabels");
                    writeLabel(g, option.getValue());
                    g.writeEndArray();
                    g.writeFieldName("UserLocalizedLabel");
                    writeLabel(g, option.getValue());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /**
     * One column's definition, as its derived metadata type [Query table definitions; MoneyAttributeMetadata,
     * DecimalAttributeMetadata]: its LogicalName, and a number column's Precision.
     */
    private ApiResponse attribute(ApiRequest req, String entity, String name) {
        Attribute attribute = attribute(entity, name);
        String metadataType = switch (attribute.type()) {
            case MONEY -> "MoneyAttributeMetadata";
            case DECIMAL -> "DecimalAttributeMetadata";
            case DOUBLE -> "DoubleAttributeMetadata";
            default -> "AttributeMetadata";
        };
        return ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot() + "$metadata#EntityDefinitions('" + entity
                    + "')/Attributes/$entity");
            g.writeStringField("@odata.type", "#Microsoft.Dynamics.CRM." + metadataType);
            g.writeStringField("LogicalName", attribute.logicalName());
            if (attribute.type() == AttributeType.MONEY || attribute.type() == AttributeType.DECIMAL
                    || attribute.type() == AttributeType.DOUBLE) {
                g.writeNumberField("Precision", attribute.precision());
            }
            g.writeEndObject();
        });
    }

    private static void writeLabel(com.fasterxml.jackson.core.JsonGenerator g, String label) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("Label", label);
        g.writeNumberField("LanguageCode", LANGUAGE);
        g.writeEndObject();
    }

    ApiResponse insertOptionValue(ApiRequest req) {
        JsonNode body = Json.parse(req.body(), "InsertOptionValue");
        String entity = body.path("EntityLogicalName").asText(null);
        String name = body.path("AttributeLogicalName").asText(null);
        if (entity == null || name == null) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT,
                    "EntityLogicalName and AttributeLogicalName are required for a local option set.");
        }
        Attribute attribute = picklistAttribute(entity, name);
        String label = body.path("Label").path("LocalizedLabels").path(0).path("Label").asText("");
        if (label.isBlank()) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT, "Label is required for a new option.");
        }
        Integer value = body.hasNonNull("Value") ? body.get("Value").asInt() : null;
        int created;
        try {
            created = attribute.addOption(value, label);
        } catch (IllegalArgumentException e) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT, "An option with the " + e.getMessage()
                    + " in the option set of " + entity + "." + name + ".");
        }
        return ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot()
                    + "$metadata#Microsoft.Dynamics.CRM.InsertOptionValueResponse");
            g.writeNumberField("NewOptionValue", created);
            g.writeEndObject();
        });
    }

    private Attribute picklistAttribute(String entity, String name) {
        Attribute attribute = attribute(entity, name);
        if (attribute.type() != AttributeType.PICKLIST) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT,
                    "Attribute '" + name + "' of entity '" + entity + "' is not a Picklist attribute.");
        }
        return attribute;
    }

    private Attribute attribute(String entity, String name) {
        EntityType type = ctx.store().schema().byLogicalName(entity);
        if (type == null) {
            throw new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                    "Could not find an entity with logical name '" + entity + "'.");
        }
        Attribute attribute = type.attribute(name);
        if (attribute == null) {
            throw new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                    "Could not find an attribute with logical name '" + name + "' on entity '" + entity + "'.");
        }
        return attribute;
    }
}
