package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** CreateMultiple / UpdateMultiple / UpsertMultiple [BULK, SAMPLES]. */
class BulkContractTest extends SandboxTestBase {
    private static final String TYPE = "\"@odata.type\":\"Microsoft.Dynamics.CRM.account\"";

    private static String targets(List<String> items) {
        return "{\"Targets\":[" + String.join(",", items) + "]}";
    }

    @Test
    void createMultipleReturnsIdsInOrder() {
        UUID given = UUID.randomUUID();
        WebApi.Resp r = api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets(List.of(
                "{" + TYPE + ",\"name\":\"c1\"}",
                "{" + TYPE + ",\"name\":\"c2\",\"accountid\":\"" + given + "\"}"))).expect(200);
        JsonNode b = r.json();
        assertEquals(api.root() + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse",
                b.get("@odata.context").asText());
        assertEquals(2, b.get("Ids").size());
        assertEquals(given.toString(), b.get("Ids").get(1).asText());
        UUID first = UUID.fromString(b.get("Ids").get(0).asText());
        assertEquals("c1", sandbox.row("accounts", first).orElseThrow().get("name"));
        assertEquals(1, sandbox.writeRequestCount());
    }

    @Test
    void everyTargetNeedsOdataType() {
        WebApi.Resp r = api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets(List.of(
                "{" + TYPE + ",\"name\":\"ok\"}", "{\"name\":\"untyped\"}"))).expect(400);
        assertTrue(r.errorMessage().contains("@odata.type"), r.errorMessage());
        assertEquals(0, sandbox.rowCount("accounts"));
        api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets(List.of(
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"lastname\":\"x\"}"))).expect(400);
        api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Records\":[]}").expect(400);
    }

    @Test
    void updateMultipleNeedsKeysAndExistingRowsAndAnswers204() {
        UUID a = createAccount("{\"name\":\"a\",\"telephone1\":\"1\"}");
        UUID b = createAccount("{\"name\":\"b\"}");
        WebApi.Resp r = api.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple", targets(List.of(
                "{" + TYPE + ",\"accountid\":\"" + a + "\",\"name\":\"a2\"}",
                "{" + TYPE + ",\"accountid\":\"" + b + "\",\"name\":\"b2\"}",
                "{" + TYPE + ",\"accountid\":\"" + a + "\",\"name\":\"ignored duplicate\"}"))).expect(204);
        assertEquals("", r.body());
        assertEquals("a2", sandbox.row("accounts", a).orElseThrow().get("name"), "first of duplicate keys wins");
        assertEquals("1", sandbox.row("accounts", a).orElseThrow().get("telephone1"));
        assertEquals("b2", sandbox.row("accounts", b).orElseThrow().get("name"));
        api.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple", targets(List.of("{" + TYPE + ",\"name\":\"nokey\"}")))
                .expect(400);
        WebApi.Resp missing = api.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple", targets(List.of(
                "{" + TYPE + ",\"accountid\":\"" + a + "\",\"name\":\"a3\"}",
                "{" + TYPE + ",\"accountid\":\"" + UUID.randomUUID() + "\",\"name\":\"nope\"}"))).expect(404);
        assertTrue(missing.errorMessage().startsWith("account With Id = "));
        assertEquals("a2", sandbox.row("accounts", a).orElseThrow().get("name"), "rolled back");
        assertEquals(2, sandbox.rowCount("accounts"));
    }

    @Test
    void upsertMultipleCreatesAndUpdatesByKeyOrOdataId() {
        UUID existing = createAccount("{\"name\":\"old\",\"telephone1\":\"keep\"}");
        UUID fresh = UUID.randomUUID();
        UUID viaId = UUID.randomUUID();
        api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", targets(List.of(
                "{" + TYPE + ",\"accountid\":\"" + existing + "\",\"name\":\"new\"}",
                "{" + TYPE + ",\"accountid\":\"" + fresh + "\",\"name\":\"fresh\"}",
                "{" + TYPE + ",\"@odata.id\":\"accounts(" + viaId + ")\",\"name\":\"by odata.id\"}"))).expect(204);
        assertEquals("new", sandbox.row("accounts", existing).orElseThrow().get("name"));
        assertEquals("keep", sandbox.row("accounts", existing).orElseThrow().get("telephone1"));
        assertEquals("fresh", sandbox.row("accounts", fresh).orElseThrow().get("name"));
        assertEquals("by odata.id", sandbox.row("accounts", viaId).orElseThrow().get("name"));
        WebApi.Resp dup = api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", targets(List.of(
                "{" + TYPE + ",\"accountid\":\"" + fresh + "\",\"name\":\"d1\"}",
                "{" + TYPE + ",\"accountid\":\"" + fresh + "\",\"name\":\"d2\"}"))).expect(400);
        assertTrue(dup.errorCode().startsWith("0x"));
        assertEquals("fresh", sandbox.row("accounts", fresh).orElseThrow().get("name"));
        WebApi.Resp alt = api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", targets(List.of(
                "{" + TYPE + ",\"@odata.id\":\"accounts(accountnumber='0000001')\",\"name\":\"alt\"}"))).expect(400);
        assertTrue(alt.errorMessage().startsWith("The key in the request URI is not valid"), alt.errorMessage());
    }

    @Test
    void oneBadTargetRollsBackTheWholeRequest() {
        UUID existing = createAccount("{\"name\":\"untouched\"}");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add("{" + TYPE + ",\"accountid\":\"" + UUID.randomUUID() + "\",\"name\":\"n" + i + "\"}");
        }
        items.add(0, "{" + TYPE + ",\"accountid\":\"" + existing + "\",\"name\":\"changed\"}");
        items.add(30, "{" + TYPE + ",\"accountid\":\"" + UUID.randomUUID() + "\",\"name\":\"" + "y".repeat(161) + "\"}");
        WebApi.Resp r = api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", targets(items)).expect(400);
        assertEquals("0x80044331", r.errorCode());
        assertTrue(r.errorMessage().contains("maximum allowed length of '160'"));
        assertEquals(1, sandbox.rowCount("accounts"));
        assertEquals("untouched", sandbox.row("accounts", existing).orElseThrow().get("name"));

        // a failure found only while applying (duplicate id on create) also leaves nothing behind
        List<String> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creates.add("{" + TYPE + ",\"name\":\"c" + i + "\"}");
        }
        creates.add("{" + TYPE + ",\"accountid\":\"" + existing + "\",\"name\":\"dup\"}");
        api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets(creates)).expect(412);
        assertEquals(1, sandbox.rowCount("accounts"));
    }

    @Test
    void concurrentUpsertMultipleLeavesAConsistentTable() throws Exception {
        int threads = 6;
        int rounds = 8;
        int batch = 250;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        // every thread writes overlapping keys: each batch is a window over the shared id list
                        int start = ((thread * 3 + round) * batch / 2) % ids.size();
                        List<String> items = new ArrayList<>();
                        for (int k = 0; k < batch; k++) {
                            UUID id = ids.get((start + k) % ids.size());
                            items.add("{" + TYPE + ",\"accountid\":\"" + id + "\",\"name\":\"t" + thread + "r" + round
                                    + "\",\"accountnumber\":\"t" + thread + "r" + round + "\",\"numberofemployees\":"
                                    + (thread * 100 + round) + "}");
                        }
                        api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", targets(items)).expect(204);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> rows = sandbox.rows("accounts");
        Set<Object> versions = new HashSet<>();
        Set<Object> keys = new HashSet<>();
        for (Map<String, Object> row : rows) {
            keys.add(row.get("accountid"));
            versions.add(row.get("versionnumber"));
            // the columns of one row always come from the same target (no torn writes)
            assertEquals(row.get("name"), row.get("accountnumber"));
            String tag = (String) row.get("name");
            int thread = tag.charAt(1) - '0';
            int round = Integer.parseInt(tag.substring(tag.indexOf('r') + 1));
            assertEquals(thread * 100 + round, row.get("numberofemployees"));
        }
        assertEquals(rows.size(), keys.size());
        assertEquals(rows.size(), versions.size(), "every row has its own versionnumber");
        assertTrue(rows.size() > 500 && rows.size() <= 1000, "rows: " + rows.size());
        assertEquals(threads * rounds, sandbox.writeRequestCount());
        assertEquals(String.valueOf(rows.size()), api.get("accounts/$count").expect(200).body());
    }
}
