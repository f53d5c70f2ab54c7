package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Create (POST) and retrieve (GET by id), from the documented request/response pairs [CREATE, RETR, COND]. */
class CreateRetrieveContractTest extends SandboxTestBase {
    private static final String SAMPLE = """
            { "name": "Sample Account", "creditonhold": false, "address1_latitude": 47.639583,
              "description": "This is the description of the sample account", "revenue": 5000000,
              "accountcategorycode": 1 }""";

    @Test
    void basicCreateAnswers204WithEntityIdAndNoBody() {
        WebApi.Resp r = api.post("accounts", SAMPLE).expect(204);
        assertEquals("", r.body());
        assertEquals("4.0", r.header("OData-Version").orElse(null));
        UUID id = r.entityId();
        assertEquals(api.root() + "accounts(" + id + ")", r.header("OData-EntityId").orElseThrow());
        assertTrue(sandbox.row("accounts", id).isPresent());
        assertEquals("Sample Account", sandbox.row("accounts", id).get().get("name"));
    }

    @Test
    void createWithReturnRepresentationAnswers201WithEntity() {
        WebApi.Resp r = api.post("accounts?$select=name,creditonhold,address1_latitude,description,revenue,"
                + "accountcategorycode,createdon", SAMPLE, WebApi.RETURN_REPRESENTATION).expect(201);
        assertEquals("return=representation", r.header("Preference-Applied").orElse(null));
        assertTrue(r.header("OData-EntityId").isEmpty(), "no OData-EntityId with return=representation");
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json; odata.metadata=minimal"));
        JsonNode body = r.json();
        assertEquals(api.root() + "$metadata#accounts(name,creditonhold,address1_latitude,description,revenue,"
                + "accountcategorycode,createdon)/$entity", body.get("@odata.context").asText());
        assertTrue(body.get("@odata.etag").asText().matches("W/\"\\d+\""));
        assertTrue(r.body().contains("\"revenue\":5000000.0000"), r.body());
        assertTrue(r.body().contains("\"address1_latitude\":47.63958,"), r.body());
        assertTrue(body.has("_transactioncurrencyid_value"), "money drags in the currency lookup");
        assertEquals(sandbox.baseCurrencyId().orElseThrow().toString(), body.get("_transactioncurrencyid_value").asText());
        assertTrue(body.get("createdon").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertFalse(body.has("telephone1"), "only selected columns");
        UUID id = UUID.fromString(body.get("accountid").asText());
        assertTrue(sandbox.row("accounts", id).isPresent());
    }

    @Test
    void clientSetPrimaryKeyIsHonouredAndADuplicateIsRejected() {
        UUID id = UUID.randomUUID();
        WebApi.Resp r = api.post("accounts", "{\"accountid\":\"" + id + "\",\"name\":\"A\"}").expect(204);
        assertEquals(id, r.entityId());
        WebApi.Resp dup = api.post("accounts", "{\"accountid\":\"" + id + "\",\"name\":\"B\"}").expect(412);
        assertEquals("0x80040237", dup.errorCode());
        assertEquals("A", sandbox.row("accounts", id).orElseThrow().get("name"));
    }

    @Test
    void getBySelectReturnsSelectedColumnsPrimaryKeyAndEtag() {
        UUID id = createAccount(SAMPLE);
        WebApi.Resp r = api.get("accounts(" + id + ")?$select=name,revenue").expect(200);
        JsonNode b = r.json();
        assertEquals(api.root() + "$metadata#accounts(name,revenue)/$entity", b.get("@odata.context").asText());
        assertEquals(r.header("ETag").orElseThrow(), b.get("@odata.etag").asText());
        assertEquals("Sample Account", b.get("name").asText());
        assertEquals(id.toString(), b.get("accountid").asText());
        List<String> fields = new ArrayList<>();
        b.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("@odata.context", "@odata.etag", "name", "revenue", "_transactioncurrencyid_value",
                "accountid"), fields);
    }

    @Test
    void getWithoutSelectReturnsAllColumnsIncludingNullsAndSystemColumns() {
        UUID id = createAccount("{\"name\":\"X\",\"address1_line1\":\"1 Main St\",\"address1_city\":\"Redmond\","
                + "\"address1_stateorprovince\":\"WA\",\"address1_postalcode\":\"98052\"}");
        JsonNode b = api.get("accounts(" + id + ")").expect(200).json();
        assertEquals(api.root() + "$metadata#accounts/$entity", b.get("@odata.context").asText());
        assertTrue(b.has("telephone1") && b.get("telephone1").isNull());
        assertEquals(0, b.get("statecode").asInt());
        assertEquals(1, b.get("statuscode").asInt());
        assertEquals(sandbox.callerUserId().toString(), b.get("_ownerid_value").asText());
        assertEquals("W/\"" + b.get("versionnumber").asLong() + "\"", b.get("@odata.etag").asText());
        assertEquals("1 Main St\r\nRedmond, WA 98052", b.get("address1_composite").asText());
        assertTrue(b.get("modifiedon").asText().endsWith("Z"));
    }

    @Test
    void missingRowAnswers404WithTheDocumentedMessage() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        WebApi.Resp r = api.get("accounts(" + id + ")").expect(404);
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json; odata.metadata=minimal"));
        assertEquals("account With Id = 00000000-0000-0000-0000-000000000001 Does Not Exist", r.errorMessage());
        assertTrue(r.errorCode().startsWith("0x"));
    }

    @Test
    void olderVersionsAreAcceptedAndEchoed() {
        WebApi v90 = new WebApi(sandbox, "v9.0");
        WebApi.Resp r = v90.post("accounts", "{\"name\":\"Old\"}").expect(204);
        assertTrue(r.header("OData-EntityId").orElseThrow().contains("/api/data/v9.0/accounts("));
        JsonNode b = v90.get("accounts(" + r.entityId() + ")?$select=name").expect(200).json();
        assertTrue(b.get("@odata.context").asText().contains("/api/data/v9.0/$metadata#accounts(name)/$entity"));
        new WebApi(sandbox, "v8.2").get("accounts").expect(404);
    }

    @Test
    void conditionalGetAnswers304WhenUnchanged() {
        UUID id = createAccount("{\"name\":\"C\"}");
        String etag = api.get("accounts(" + id + ")").expect(200).header("ETag").orElseThrow();
        WebApi.Resp r = api.get("accounts(" + id + ")", "If-None-Match", etag).expect(304);
        assertEquals("", r.body());
        api.patch("accounts(" + id + ")", "{\"name\":\"C2\"}").expect(204);
        api.get("accounts(" + id + ")", "If-None-Match", etag).expect(200);
    }

    @Test
    void singlePropertyCanBeReadWrittenAndCleared() {
        UUID id = createAccount("{\"name\":\"Adventure Works (sample)\",\"description\":\"d\"}");
        JsonNode v = api.get("accounts(" + id + ")/name").expect(200).json();
        assertEquals(api.root() + "$metadata#accounts(" + id + ")/name", v.get("@odata.context").asText());
        assertEquals("Adventure Works (sample)", v.get("value").asText());
        api.put("accounts(" + id + ")/name", "{\"value\":\"Renamed\"}").expect(204);
        api.delete("accounts(" + id + ")/description").expect(204);
        assertEquals("Renamed", sandbox.row("accounts", id).orElseThrow().get("name"));
        assertEquals(null, sandbox.row("accounts", id).orElseThrow().get("description"));
        api.get("accounts(" + id + ")/description").expect(204);
    }

    @Test
    void contactFullNameIsComputedAndReadOnly() {
        WebApi.Resp r = api.post("contacts?$select=fullname", "{\"firstname\":\"Susanna\",\"lastname\":\"Stubberod\","
                + "\"fullname\":\"ignored\"}", WebApi.RETURN_REPRESENTATION).expect(201);
        assertEquals("Susanna Stubberod", r.json().get("fullname").asText());
    }
}
