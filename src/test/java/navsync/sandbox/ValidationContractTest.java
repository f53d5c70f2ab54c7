package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the service rejects in bodies, with Dataverse's status, code and message shape [COMPOSE, ERRCODES, BATCH]. */
class ValidationContractTest extends SandboxTestBase {

    @Test
    void stringLongerThanMaxLengthIs400WithValidationCode() {
        WebApi.Resp r = api.post("accounts", "{\"name\":\"" + "x".repeat(161) + "\"}").expect(400);
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json; odata.metadata=minimal"));
        assertEquals("4.0", r.header("OData-Version").orElse(null));
        assertEquals("0x80044331", r.errorCode());
        assertEquals("A validation error occurred.  The length of the 'name' attribute of the 'account' entity "
                + "exceeded the maximum allowed length of '160'.", r.errorMessage());
        assertEquals(0, sandbox.rowCount("accounts"));
        api.post("accounts", "{\"name\":\"" + "x".repeat(160) + "\"}").expect(204);
    }

    @Test
    void unknownAttributeIs400PayloadError() {
        WebApi.Resp r = api.post("accounts", "{\"name\":\"A\",\"nosuchcolumn\":1}").expect(400);
        assertEquals("0x80048d19", r.errorCode());
        assertTrue(r.errorMessage().contains("The property 'nosuchcolumn' does not exist on type "
                + "'Microsoft.Dynamics.CRM.account'."), r.errorMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":5}", "{\"revenue\":\"abc\"}", "{\"creditonhold\":\"yes\"}",
        "{\"numberofemployees\":1.5}", "{\"createdon\":\"not a date\"}", "{\"accountid\":\"not-a-guid\"}",
        "{\"name\":{\"a\":1}}", "{\"statuscode\":true}"})
    void wrongJsonTypeIs400(String body) {
        WebApi.Resp r = api.post("accounts", body).expect(400);
        assertEquals("0x80048d19", r.errorCode(), r.body());
    }

    @Test
    void invalidPicklistValueIs400() {
        WebApi.Resp r = api.post("accounts", "{\"name\":\"A\",\"customertypecode\":99}").expect(400);
        assertEquals("0x80044331", r.errorCode());
        assertTrue(r.errorMessage().contains("'customertypecode'"), r.errorMessage());
        api.post("accounts", "{\"name\":\"A\",\"customertypecode\":3}").expect(204);
    }

    @Test
    void numberOutOfRangeIs400() {
        WebApi.Resp r = api.post("accounts", "{\"creditlimit\":-1}").expect(400);
        assertEquals("0x80044331", r.errorCode());
        api.post("accounts", "{\"address1_latitude\":90.5}").expect(400);
    }

    @Test
    void systemRequiredIsEnforcedOnCreateButApplicationRequiredIsNot() {
        // account.name is ApplicationRequired: not enforced by the Web API
        createAccount("{\"accountnumber\":\"NONAME\"}");
        // transactioncurrency.isocurrencycode is SystemRequired
        WebApi.Resp r = api.post("transactioncurrencies",
                "{\"currencyname\":\"Euro\",\"exchangerate\":0.9,\"currencysymbol\":\"€\"}").expect(400);
        assertEquals("0x80040200", r.errorCode());
        assertTrue(r.errorMessage().contains("isocurrencycode"), r.errorMessage());
        UUID eur = api.post("transactioncurrencies", "{\"currencyname\":\"Euro\",\"isocurrencycode\":\"EUR\","
                + "\"exchangerate\":0.9,\"currencysymbol\":\"€\"}").expect(204).entityId();
        // a SystemRequired column can't be set to null on update [UPD]
        assertEquals("0x80040200", api.patch("transactioncurrencies(" + eur + ")", "{\"currencyname\":null}")
                .expect(400).errorCode());
    }

    @Test
    void readOnlyColumnsAndUnknownAnnotationsAreIgnored() {
        WebApi.Resp r = api.post("accounts?$select=name,createdon,versionnumber,statecode",
                "{\"name\":\"A\",\"createdon\":\"2001-01-01T00:00:00Z\",\"versionnumber\":5,\"statecode\":1,"
                        + "\"name@OData.Community.Display.V1.FormattedValue\":\"A\",\"@odata.etag\":\"W/\\\"1\\\"\"}",
                WebApi.RETURN_REPRESENTATION).expect(201);
        assertTrue(!r.json().get("createdon").asText().startsWith("2001"), "createdon is server-maintained");
        assertTrue(r.json().get("versionnumber").asLong() > 5);
        assertEquals(0, r.json().get("statecode").asInt(), "statecode is not valid for create");
    }

    @Test
    void lookupValuePropertiesCantBeWritten() {
        WebApi.Resp r = api.post("accounts", "{\"name\":\"A\",\"_parentaccountid_value\":\""
                + UUID.randomUUID() + "\"}").expect(400);
        assertEquals("CRM do not support direct update of Entity Reference properties, Use Navigation properties "
                + "instead.", r.errorMessage());
    }

    @Test
    void odataBindSetsLookupsAndChecksTheTarget() {
        UUID parent = createAccount("{\"name\":\"Parent\"}");
        UUID child = api.post("accounts", "{\"name\":\"Child\",\"parentaccountid@odata.bind\":\"/accounts(" + parent
                + ")\"}").expect(204).entityId();
        assertEquals(parent.toString(), sandbox.row("accounts", child).orElseThrow().get("_parentaccountid_value"));
        UUID contact = api.post("contacts", "{\"lastname\":\"Smith\",\"parentcustomerid_account@odata.bind\":\""
                + api.root() + "accounts(" + parent + ")\"}").expect(204).entityId();
        assertEquals(parent.toString(), sandbox.row("contacts", contact).orElseThrow().get("_parentcustomerid_value"));
        // clearing: "nav@odata.bind": null or "nav": null [ASSOC]
        api.patch("accounts(" + child + ")", "{\"parentaccountid\":null}").expect(204);
        assertEquals(null, sandbox.row("accounts", child).orElseThrow().get("_parentaccountid_value"));
        // missing target row
        WebApi.Resp missing = api.post("accounts", "{\"name\":\"Orphan\",\"parentaccountid@odata.bind\":\"/accounts("
                + UUID.randomUUID() + ")\"}").expect(404);
        assertTrue(missing.errorMessage().startsWith("account With Id = "), missing.errorMessage());
        // wrong target table, unknown navigation property
        api.post("accounts", "{\"parentaccountid@odata.bind\":\"/contacts(" + contact + ")\"}").expect(400);
        api.post("accounts", "{\"nosuchnav@odata.bind\":\"/accounts(" + parent + ")\"}").expect(400);
        // owner: systemusers(<id>) only (no named key for systemuser [ALTKEY])
        api.post("accounts", "{\"ownerid@odata.bind\":\"/systemusers(" + sandbox.callerUserId() + ")\"}").expect(204);
        api.post("accounts", "{\"ownerid@odata.bind\":\"/systemusers(systemuserid=" + sandbox.callerUserId() + ")\"}")
                .expect(400);
    }

    @Test
    void malformedJsonAndDuplicatePropertiesAre400() {
        assertEquals(400, api.post("accounts", "{\"name\":").status());
        assertEquals(400, api.post("accounts", "{\"name\":\"a\",\"name\":\"b\"}").status());
        assertEquals(400, api.post("accounts", "[]").status());
        assertEquals(0, sandbox.rowCount("accounts"));
    }

    @Test
    void stateAndStatusMustMatch() {
        UUID id = createAccount("{\"name\":\"S\"}");
        api.patch("accounts(" + id + ")", "{\"statecode\":1}").expect(204);
        assertEquals(2, sandbox.row("accounts", id).orElseThrow().get("statuscode"), "default status of Inactive");
        api.patch("accounts(" + id + ")", "{\"statecode\":0,\"statuscode\":2}").expect(400);
        api.patch("accounts(" + id + ")", "{\"statecode\":0,\"statuscode\":1}").expect(204);
    }
}
