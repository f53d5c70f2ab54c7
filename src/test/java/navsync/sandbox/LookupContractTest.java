package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Lookups [CREATE, ASSOC, NAV, Q-JOIN]: {@code @odata.bind} for ownerid, transactioncurrencyid,
 * parentcustomerid_account and primarycontactid; {@code _x_value} properties; {@code $expand} of single-valued
 * navigation properties; {@code /$ref}.
 */
class LookupContractTest extends SandboxTestBase {
    private UUID contact(String last) {
        return api.post("contacts", "{\"firstname\":\"Ann\",\"lastname\":\"" + last + "\"}").expect(204).entityId();
    }

    @Test
    void bindsSetTheFourLookupsNavsyncUses() {
        UUID contact = contact("Lee");
        UUID account = createAccount("{\"name\":\"Bound\",\"revenue\":10,"
                + "\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\","
                + "\"ownerid@odata.bind\":\"/systemusers(" + sandbox.callerUserId() + ")\","
                + "\"transactioncurrencyid@odata.bind\":\"transactioncurrencies(" + sandbox.baseCurrencyId().orElseThrow()
                + ")\"}");
        UUID child = api.post("contacts", "{\"lastname\":\"Kid\",\"parentcustomerid_account@odata.bind\":\""
                + api.root() + "accounts(" + account + ")\"}").expect(204).entityId();
        JsonNode a = api.get("accounts(" + account + ")?$select=_primarycontactid_value,_ownerid_value,"
                + "_transactioncurrencyid_value").expect(200).json();
        assertEquals(contact.toString(), a.get("_primarycontactid_value").asText());
        assertEquals(sandbox.callerUserId().toString(), a.get("_ownerid_value").asText());
        assertEquals(sandbox.baseCurrencyId().orElseThrow().toString(), a.get("_transactioncurrencyid_value").asText());
        assertEquals(account.toString(), api.get("contacts(" + child + ")?$select=_parentcustomerid_value").expect(200)
                .json().get("_parentcustomerid_value").asText());
    }

    @Test
    void aBindToAMissingRowIsRejected() {
        UUID missing = UUID.randomUUID();
        WebApi.Resp r = api.post("accounts", "{\"name\":\"x\",\"primarycontactid@odata.bind\":\"/contacts(" + missing
                + ")\"}").expect(404);
        assertEquals("contact With Id = " + missing + " Does Not Exist", r.errorMessage());
        api.post("contacts", "{\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + missing
                + ")\"}").expect(404);
        api.post("accounts", "{\"name\":\"x\",\"ownerid@odata.bind\":\"/systemusers(" + missing + ")\"}").expect(404);
        assertEquals(0, sandbox.rowCount("accounts"));
    }

    @Test
    void expandSingleValuedNavigationProperties() {
        UUID contact = contact("Expanded");
        UUID account = createAccount("{\"name\":\"Parent\",\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}");
        createAccount("{\"name\":\"Alone\"}");
        WebApi.Resp r = api.get("accounts?$select=name&$orderby=name%20desc"
                + "&$expand=primarycontactid($select=fullname,emailaddress1),ownerid($select=fullname)").expect(200);
        JsonNode body = r.json();
        assertEquals(api.root() + "$metadata#accounts(name,primarycontactid(fullname,emailaddress1),ownerid(fullname))",
                body.get("@odata.context").asText());
        JsonNode parent = body.get("value").get(0);
        assertEquals("Parent", parent.get("name").asText());
        JsonNode pc = parent.get("primarycontactid");
        assertEquals("Ann Expanded", pc.get("fullname").asText());
        assertEquals(contact.toString(), pc.get("contactid").asText());
        assertTrue(pc.get("@odata.etag").asText().startsWith("W/\""));
        assertTrue(pc.has("emailaddress1") && pc.get("emailaddress1").isNull());
        JsonNode owner = parent.get("ownerid");
        assertEquals("#Microsoft.Dynamics.CRM.systemuser", owner.get("@odata.type").asText());
        assertEquals("navsync Sandbox", owner.get("fullname").asText());
        assertEquals(owner.get("systemuserid").asText(), owner.get("ownerid").asText(),
                "an expanded systemuser has both systemuserid and ownerid [Q-JOIN]");
        assertTrue(body.get("value").get(1).get("primarycontactid").isNull(), "empty lookup expands to null");

        JsonNode single = api.get("contacts(" + contact + ")?$select=lastname&$expand=parentcustomerid_account($select=name)")
                .expect(200).json();
        assertTrue(single.get("parentcustomerid_account").isNull());
        api.patch("contacts(" + contact + ")", "{\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}")
                .expect(204);
        single = api.get("contacts(" + contact + ")?$select=lastname&$expand=parentcustomerid_account($select=name)")
                .expect(200).json();
        assertEquals("Parent", single.get("parentcustomerid_account").get("name").asText());
        assertEquals(api.root() + "$metadata#contacts(lastname,parentcustomerid_account(name))/$entity",
                single.get("@odata.context").asText());
    }

    @Test
    void expandOnCreateWithReturnRepresentation() {
        UUID contact = contact("Rep");
        JsonNode created = api.post("accounts?$select=name&$expand=primarycontactid($select=lastname)",
                "{\"name\":\"c\",\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}",
                WebApi.RETURN_REPRESENTATION).expect(201).json();
        assertEquals("Rep", created.get("primarycontactid").get("lastname").asText());
    }

    @Test
    void expandRejectsUnknownPropertiesAndCollectionOptions() {
        assertThat(api.get("accounts?$expand=Account_Tasks").expect(400).errorMessage())
                .contains("Could not find a property named 'Account_Tasks'");
        api.get("accounts?$expand=primarycontactid($top=1)").expect(400);
        api.get("accounts?$expand=primarycontactid($select=nosuchcolumn)").expect(400);
    }

    @Test
    void refSetsAndClearsASingleValuedNavigationProperty() {
        UUID contact = contact("Ref");
        UUID account = createAccount("{\"name\":\"r\"}");
        api.put("accounts(" + account + ")/primarycontactid/$ref",
                "{\"@odata.id\":\"" + api.root() + "contacts(" + contact + ")\"}").expect(204);
        assertEquals(contact.toString(), sandbox.row("accounts", account).orElseThrow().get("_primarycontactid_value"));
        api.delete("accounts(" + account + ")/primarycontactid/$ref").expect(204);
        assertEquals(null, sandbox.row("accounts", account).orElseThrow().get("_primarycontactid_value"));
    }

    @Test
    void clearingALookupWithNullBind() {
        UUID contact = contact("Clear");
        UUID account = createAccount("{\"name\":\"r\",\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}");
        api.patch("accounts(" + account + ")", "{\"primarycontactid@odata.bind\":null}").expect(204);
        assertEquals(null, sandbox.row("accounts", account).orElseThrow().get("_primarycontactid_value"));
    }
}
