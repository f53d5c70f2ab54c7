package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** PATCH upsert, conditional operations and DELETE [UPD, COND]. */
class UpsertConcurrencyContractTest extends SandboxTestBase {

    @Test
    void patchCreatesWhenMissingAndUpdatesWhenPresentBothWith204() {
        UUID id = UUID.randomUUID();
        WebApi.Resp created = api.patch("accounts(" + id + ")", "{\"name\":\"Upserted\"}").expect(204);
        assertEquals(api.root() + "accounts(" + id + ")", created.header("OData-EntityId").orElseThrow());
        assertEquals("", created.body());
        WebApi.Resp updated = api.patch("accounts(" + id + ")", "{\"telephone1\":\"555\"}").expect(204);
        assertEquals(id, updated.entityId());
        Map<String, Object> row = sandbox.row("accounts", id).orElseThrow();
        assertEquals("Upserted", row.get("name"), "PATCH changes only the columns sent");
        assertEquals("555", row.get("telephone1"));
    }

    @Test
    void returnRepresentationTells201CreatedFrom200Updated() {
        UUID id = UUID.randomUUID();
        WebApi.Resp c = api.patch("accounts(" + id + ")?$select=name", "{\"name\":\"One\"}",
                WebApi.RETURN_REPRESENTATION).expect(201);
        assertEquals("return=representation", c.header("Preference-Applied").orElse(null));
        assertEquals("One", c.json().get("name").asText());
        WebApi.Resp u = api.patch("accounts(" + id + ")?$select=name", "{\"name\":\"Two\"}",
                WebApi.RETURN_REPRESENTATION).expect(200);
        JsonNode b = u.json();
        assertEquals("Two", b.get("name").asText());
        assertEquals(api.root() + "$metadata#accounts(name)/$entity", b.get("@odata.context").asText());
        assertNotEquals(c.json().get("@odata.etag").asText(), b.get("@odata.etag").asText());
    }

    @Test
    void ifMatchStarPreventsCreateWithTheDocumentedBody() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        WebApi.Resp r = api.patch("accounts(" + id + ")", "{\"name\":\"x\"}", "If-Match", "*").expect(404);
        assertEquals("{\"error\":{\"code\":\"\",\"message\":\"account With Id = 00000000-0000-0000-0000-000000000001 "
                + "Does Not Exist\"}}", r.body());
        assertTrue(sandbox.row("accounts", id).isEmpty());
        createAccount("{\"accountid\":\"" + id + "\",\"name\":\"now\"}");
        api.patch("accounts(" + id + ")", "{\"name\":\"updated\"}", "If-Match", "*").expect(204);
        assertEquals("updated", sandbox.row("accounts", id).orElseThrow().get("name"));
    }

    @Test
    void ifNoneMatchStarPreventsUpdateWithTheDocumentedBody() {
        UUID id = UUID.randomUUID();
        api.patch("accounts(" + id + ")", "{\"name\":\"first\"}", "If-None-Match", "*").expect(204);
        WebApi.Resp r = api.patch("accounts(" + id + ")", "{\"name\":\"second\"}", "If-None-Match", "*").expect(412);
        assertEquals("{\"error\":{\"code\":\"\",\"message\":\"A record with matching key values already exists.\"}}",
                r.body());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json; odata.metadata=minimal"));
        assertEquals("first", sandbox.row("accounts", id).orElseThrow().get("name"));
    }

    @Test
    void staleEtagFailsWith412AndCurrentEtagSucceeds() {
        UUID id = createAccount("{\"name\":\"v1\"}");
        String etag = api.get("accounts(" + id + ")?$select=name").expect(200).header("ETag").orElseThrow();
        api.patch("accounts(" + id + ")", "{\"name\":\"v2\"}", "If-Match", etag).expect(204);
        WebApi.Resp stale = api.patch("accounts(" + id + ")", "{\"name\":\"v3\"}", "If-Match", etag).expect(412);
        assertEquals("{\"error\":{\"code\":\"\",\"message\":\"The version of the existing record doesn't match the "
                + "RowVersion property provided.\"}}", stale.body());
        assertEquals("v2", sandbox.row("accounts", id).orElseThrow().get("name"));
        api.delete("accounts(" + id + ")", "If-Match", etag).expect(412);
        String current = (String) sandbox.row("accounts", id).orElseThrow().get("@odata.etag");
        api.delete("accounts(" + id + ")", "If-Match", current).expect(204);
    }

    @Test
    void versionAndTimestampsMoveOnUpdate() throws InterruptedException {
        UUID id = createAccount("{\"name\":\"t\"}");
        Map<String, Object> before = sandbox.row("accounts", id).orElseThrow();
        Thread.sleep(1100);
        api.patch("accounts(" + id + ")", "{\"name\":\"t2\"}").expect(204);
        Map<String, Object> after = sandbox.row("accounts", id).orElseThrow();
        assertTrue((Long) after.get("versionnumber") > (Long) before.get("versionnumber"));
        assertEquals(before.get("createdon"), after.get("createdon"));
        assertNotEquals(before.get("modifiedon"), after.get("modifiedon"));
        assertEquals("W/\"" + after.get("versionnumber") + "\"", after.get("@odata.etag"));
    }

    @Test
    void deleteAnswers204ThenMissingIs404() {
        UUID id = createAccount("{\"name\":\"gone\"}");
        WebApi.Resp r = api.delete("accounts(" + id + ")").expect(204);
        assertEquals("", r.body());
        assertTrue(sandbox.row("accounts", id).isEmpty());
        WebApi.Resp again = api.delete("accounts(" + id + ")").expect(404);
        assertEquals("account With Id = " + id + " Does Not Exist", again.errorMessage());
    }

    @Test
    void primaryKeyInBodyMustMatchTheUrl() {
        UUID id = UUID.randomUUID();
        api.patch("accounts(" + id + ")", "{\"accountid\":\"" + UUID.randomUUID() + "\"}").expect(400);
        api.patch("accounts(" + id + ")", "{\"accountid\":\"" + id + "\",\"name\":\"same\"}").expect(204);
        api.patch("accounts(accountid=" + id + ")", "{\"name\":\"named key\"}").expect(204);
        assertEquals("named key", sandbox.row("accounts", id).orElseThrow().get("name"));
        WebApi.Resp alt = api.patch("accounts(accountnumber='ABC123')", "{\"name\":\"x\"}").expect(400);
        assertTrue(alt.errorMessage().startsWith("The key in the request URI is not valid for resource "
                + "'Microsoft.Dynamics.CRM.account'."), alt.errorMessage());
    }
}
