package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The Java API other parts of navsync use, plus routing and service-level endpoints. */
class SandboxApiTest extends SandboxTestBase {

    @Test
    void countsRequestsAndWrites() {
        UUID id = createAccount("{\"name\":\"x\"}");
        api.get("accounts(" + id + ")").expect(200);
        api.get("nosuchset").expect(404);
        api.patch("accounts(" + id + ")", "{\"name\":\"y\"}").expect(204);
        api.delete("accounts(" + id + ")").expect(204);
        assertEquals(5, sandbox.requestCount());
        assertEquals(3, sandbox.writeRequestCount());
        sandbox.resetCounters();
        assertEquals(0, sandbox.requestCount());
        assertEquals(0, sandbox.writeRequestCount());
    }

    @Test
    void rowsAreSnapshotsShapedLikeTheWebApi() {
        UUID id = createAccount("{\"name\":\"snap\",\"revenue\":12.5,\"creditonhold\":true}");
        Map<String, Object> row = sandbox.row("accounts", id).orElseThrow();
        assertEquals(id.toString(), row.get("accountid"));
        assertEquals(new BigDecimal("12.5000"), row.get("revenue"));
        assertEquals(Boolean.TRUE, row.get("creditonhold"));
        assertTrue(row.containsKey("telephone1") && row.get("telephone1") == null);
        assertTrue(((String) row.get("createdon")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        row.put("name", "changed locally");
        assertEquals("snap", sandbox.row("accounts", id).orElseThrow().get("name"));
        assertEquals(1, sandbox.rows("accounts").size());
        assertTrue(sandbox.row("accounts", UUID.randomUUID()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> sandbox.rows("nosuchset"));
    }

    @Test
    void seedDataHasCallerAndBaseCurrency() {
        assertEquals(1, sandbox.rows("systemusers").size());
        Map<String, Object> usd = sandbox.row("transactioncurrencies", sandbox.baseCurrencyId().orElseThrow())
                .orElseThrow();
        assertEquals("USD", usd.get("isocurrencycode"));
        JsonNode who = api.get("WhoAmI").expect(200).json();
        assertEquals(sandbox.callerUserId().toString(), who.get("UserId").asText());
        assertTrue(who.get("@odata.context").asText().endsWith("$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse"));
        try (SalesSandbox bare = SalesSandbox.start(SandboxOptions.defaults().withSeedData(false).withThreads(1))) {
            assertEquals(0, bare.rows("systemusers").size());
            assertTrue(bare.baseCurrencyId().isEmpty());
            assertTrue(bare.port() > 0 && bare.port() != sandbox.port());
        }
    }

    @Test
    void unknownResourcesAndMethods() {
        WebApi.Resp r = api.get("foos").expect(404);
        assertEquals("Resource not found for the segment 'foos'.", r.errorMessage());
        assertEquals(405, api.delete("accounts").status());
        assertEquals(405, api.patch("accounts", "{}").status());
        assertEquals(400, api.post("$batch", "").status(), "a $batch needs a multipart/mixed body");
        assertEquals(501, api.get("accounts?$apply=groupby((name))").status());
        JsonNode doc = api.get("").expect(200).json();
        assertEquals(6, doc.get("value").size());
    }

    @Test
    void optionsValidateAndHaveWithers() {
        SandboxOptions d = SandboxOptions.defaults();
        assertEquals("127.0.0.1", d.host());
        assertEquals(0, d.port());
        assertEquals(8, d.threads());
        assertEquals(9000, d.withPort(9000).port());
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.withPort(70000));
    }
}
