package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Picklist column's options through the metadata query, and new options through InsertOptionValue:
 * a new value is valid for rows at once; wrong entity, attribute, type or a used value is refused.
 */
class OptionSetContractTest extends SandboxTestBase {

    private static final String PAYMENT_TERMS = "EntityDefinitions(LogicalName='account')/Attributes(LogicalName="
            + "'paymenttermscode')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName"
            + "&$expand=OptionSet($select=Options)";

    @Test
    void optionsAreReadWithTheirLabels() {
        JsonNode body = api.get(PAYMENT_TERMS).expect(200).json();
        assertEquals("paymenttermscode", body.path("LogicalName").asText());
        JsonNode options = body.path("OptionSet").path("Options");
        assertThat(options).hasSizeGreaterThanOrEqualTo(4); // the class's other tests may have added some
        assertEquals(1, options.path(0).path("Value").asInt());
        assertEquals(4, options.path(3).path("Value").asInt());
        assertEquals("Net 30", options.path(0).path("Label").path("UserLocalizedLabel").path("Label").asText());
        assertEquals("Net 30", options.path(0).path("Label").path("LocalizedLabels").path(0).path("Label").asText());
    }

    @Test
    void anInsertedOptionGetsTheNextCustomValueAndIsValidAtOnce() {
        UUID account = createAccount("{\"name\":\"o\"}");
        api.patch("accounts(" + account + ")", "{\"address1_freighttermscode\":100000000}").expect(400);

        JsonNode first = api.post("InsertOptionValue", insert("account", "address1_freighttermscode", "CIF", null))
                .expect(200).json();
        assertEquals(100_000_000, first.path("NewOptionValue").asInt());
        JsonNode second = api.post("InsertOptionValue", insert("account", "address1_freighttermscode", "EXW", null))
                .expect(200).json();
        assertEquals(100_000_001, second.path("NewOptionValue").asInt());

        api.patch("accounts(" + account + ")", "{\"address1_freighttermscode\":100000000}").expect(204);
        JsonNode options = api.get(PAYMENT_TERMS.replace("paymenttermscode", "address1_freighttermscode")).expect(200)
                .json().path("OptionSet").path("Options");
        assertThat(options).hasSize(4);
        assertEquals("EXW", options.path(3).path("Label").path("UserLocalizedLabel").path("Label").asText());
    }

    @Test
    void wrongTargetsAndUsedValuesAreRefused() {
        api.post("InsertOptionValue", insert("acount", "paymenttermscode", "X", null)).expect(404);
        api.post("InsertOptionValue", insert("account", "paymentterms", "X", null)).expect(404);
        assertThat(api.post("InsertOptionValue", insert("account", "name", "X", null)).expect(400).errorMessage())
                .contains("not a Picklist");
        assertThat(api.post("InsertOptionValue", insert("account", "paymenttermscode", "X", 1)).expect(400).errorMessage())
                .contains("already used");
        api.post("InsertOptionValue", insert("account", "paymenttermscode", "", null)).expect(400);
        api.get("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')"
                + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata").expect(400);
        api.get("EntityDefinitions(LogicalName='account')?$select=DisplayName").expect(501);
    }

    @Test
    void aNumberColumnsDefinitionHasItsPrecision() {
        JsonNode money = api.get("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='creditlimit')")
                .expect(200).json();
        assertEquals("#Microsoft.Dynamics.CRM.MoneyAttributeMetadata", money.path("@odata.type").asText());
        assertEquals("creditlimit", money.path("LogicalName").asText());
        assertEquals(2, money.path("Precision").asInt());
        JsonNode text = api.get("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')").expect(200).json();
        assertThat(text.has("Precision")).isFalse();
        api.get("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='nosuchcolumn')").expect(404);
    }

    private static String insert(String entity, String attribute, String label, Integer value) {
        return "{\"EntityLogicalName\":\"" + entity + "\",\"AttributeLogicalName\":\"" + attribute + "\","
                + (value == null ? "" : "\"Value\":" + value + ",")
                + "\"Label\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.Label\",\"LocalizedLabels\":[{\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.LocalizedLabel\",\"Label\":\"" + label + "\",\"LanguageCode\":1033}]}}";
    }
}
