package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Formatted values and lookup annotations on request [QDATA, Q-OVR, COMPOSE]. */
class AnnotationContractTest extends SandboxTestBase {
    private static final String ALL = "odata.include-annotations=\"*\"";

    @Test
    void formattedValuesComeBeforeTheirValues() {
        UUID id = createAccount("{\"name\":\"Formatted\",\"revenue\":20000,\"customertypecode\":3,"
                + "\"creditonhold\":false,\"numberofemployees\":1200}");
        WebApi.Resp r = api.get("accounts(" + id + ")?$select=revenue,customertypecode,creditonhold,numberofemployees,"
                + "_ownerid_value,_transactioncurrencyid_value,name", "Prefer", ALL).expect(200);
        assertEquals(ALL, r.header("Preference-Applied").orElseThrow());
        JsonNode a = r.json();
        String f = "@OData.Community.Display.V1.FormattedValue";
        assertEquals("$20,000.00", a.get("revenue" + f).asText());
        assertEquals("Customer", a.get("customertypecode" + f).asText());
        assertEquals("No", a.get("creditonhold" + f).asText());
        assertEquals("1,200", a.get("numberofemployees" + f).asText());
        assertEquals("navsync Sandbox", a.get("_ownerid_value" + f).asText());
        assertEquals("ownerid", a.get("_ownerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").asText());
        assertEquals("systemuser", a.get("_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText());
        assertEquals("US Dollar", a.get("_transactioncurrencyid_value" + f).asText());
        assertNull(a.get("name" + f), "strings have no formatted value");
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        assertEquals(names.indexOf("revenue") - 1, names.indexOf("revenue" + f), "annotation right before the value");
    }

    @Test
    void onlyTheRequestedAnnotationsAndTheNavigationPropertyOfACustomerLookup() {
        UUID account = createAccount("{\"name\":\"Parent\"}");
        api.post("contacts", "{\"lastname\":\"Child\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account
                + ")\"}").expect(204);
        JsonNode c = api.get("contacts?$select=_parentcustomerid_value", "Prefer",
                "odata.include-annotations=\"Microsoft.Dynamics.CRM.*\"").expect(200).json().get("value").get(0);
        assertEquals("parentcustomerid_account",
                c.get("_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").asText());
        assertEquals("account", c.get("_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText());
        assertFalse(c.has("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"));
        JsonNode plain = api.get("contacts?$select=_parentcustomerid_value").expect(200).json().get("value").get(0);
        assertEquals(3, plain.size(), "no annotations unless asked: etag, lookup, key");
    }
}
