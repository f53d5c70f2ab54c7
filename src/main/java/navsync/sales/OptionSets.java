package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a choice (Picklist) column, read from the table definitions, and new options added
 * with {@code InsertOptionValue}, as NAV's option mappings do.
 */
public final class OptionSets {

    private static final int LANGUAGE = 1033;

    private final SalesWebApi api;

    public OptionSets(SalesWebApi api) {
        this.api = api;
    }

    /** The column's options: value -> label (the user's language, else the first label). */
    public Map<Integer, String> options(String entity, String attribute) {
        SalesResponse response = api.get("EntityDefinitions(LogicalName='" + entity + "')/Attributes(LogicalName='"
                + attribute + "')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName"
                + "&$expand=OptionSet($select=Options)");
        if (!response.isSuccess()) {
            throw new SalesException(response.error());
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        for (JsonNode option : response.json().path("OptionSet").path("Options")) {
            JsonNode label = option.path("Label").path("UserLocalizedLabel").path("Label");
            out.put(option.path("Value").asInt(), label.isTextual() ? label.asText()
                    : option.path("Label").path("LocalizedLabels").path(0).path("Label").asText(""));
        }
        return out;
    }

    /** Adds an option with this label; returns its value. */
    public int insert(String entity, String attribute, String label) {
        var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("EntityLogicalName", entity);
        body.put("AttributeLogicalName", attribute);
        var labels = body.putObject("Label").put("@odata.type", "Microsoft.Dynamics.CRM.Label").putArray("LocalizedLabels");
        labels.addObject().put("@odata.type", "Microsoft.Dynamics.CRM.LocalizedLabel").put("Label", label)
                .put("LanguageCode", LANGUAGE);
        SalesResponse response = api.post("InsertOptionValue", body.toString());
        if (!response.isSuccess()) {
            throw new SalesException(response.error());
        }
        return response.json().path("NewOptionValue").asInt();
    }
}
