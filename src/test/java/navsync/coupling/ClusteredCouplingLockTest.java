package navsync.coupling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.state.MappingLocks;
import navsync.state.StateStore;
import navsync.testing.ApiClient;
import navsync.testing.ApiClient.Answer;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a shared (PostgreSQL) state store the coupling procedures take the mapping through the same
 * cluster lock as passes: while another instance holds it, each is refused with 409 and writes
 * nothing, neither couplings nor Sales rows.
 */
class ClusteredCouplingLockTest {

    @TempDir
    Path data;
    String schema;
    NavsyncTestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (schema != null) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    void whileAnotherInstanceHoldsTheMappingNoProcedureWrites() {
        schema = "navsync_coupling_lock_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = TestDatabases.postgresSchemaUrl(schema);
        app = NavsyncTestApp.start(data, Map.of("navsync.state.url", url, "navsync.state.user", TestDatabases.POSTGRES_USER));
        ApiClient api = new ApiClient(app);
        SalesRows sales = new SalesRows(app.sandbox().organizationUrl());
        UUID kept = sales.create("accounts", Map.of("name", "Coupled before", "customertypecode", 3));
        UUID free = sales.create("accounts", Map.of("name", "Selangorian Ltd.", "customertypecode", 3));
        assertThat(api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling",
                Map.of("salesId", kept.toString(), "synchronize", "none")).status()).isEqualTo(200);
        int rows = app.sandbox().rowCount("accounts");

        try (StateStore other = StateStore.open(url, TestDatabases.POSTGRES_USER, null, 2);
             MappingLocks.Held held = other.mappingLocks().tryLock("CUSTOMER").orElseThrow()) {
            Map<String, Answer> refused = new LinkedHashMap<>();
            refused.put("couple with a row", api.call("POST", "/api/mappings/CUSTOMER/records/20000/coupling",
                    Map.of("salesId", free.toString(), "synchronize", "none")));
            refused.put("create new", api.call("POST", "/api/mappings/CUSTOMER/records/30000/coupling",
                    Map.of("createNew", true)));
            refused.put("uncouple", api.call("DELETE", "/api/mappings/CUSTOMER/records/10000/coupling", null));
            refused.put("uncouple a list", api.call("POST", "/api/mappings/CUSTOMER/records/uncouple",
                    Map.of("keys", List.of("10000"))));
            refused.put("uncouple all", api.call("POST", "/api/mappings/CUSTOMER/records/uncouple", Map.of("all", true)));
            refused.put("match-based coupling", api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling",
                    Map.of("fields", List.of(Map.of("nav", "Name", "sales", "name")), "createNew", true)));
            refused.put("create in Sales", api.call("POST", "/api/mappings/CUSTOMER/records/create-in-sales",
                    Map.of("keys", List.of("40000"))));
            refused.forEach((what, answer) -> {
                assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(409);
                assertThat(answer.body().path("error").asText()).as(what).contains("on another navsync instance");
            });
            assertThat(app.store().couplings().count("CUSTOMER")).as("only the coupling made before").isEqualTo(1);
            assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().salesId()).isEqualTo(kept);
            assertThat(app.store().jobs().latest("CUSTOMER", 10)).as("no job").isEmpty();
            assertThat(app.sandbox().rowCount("accounts")).as("no Sales row").isEqualTo(rows);
        }
        Answer free10000 = api.call("DELETE", "/api/mappings/CUSTOMER/records/10000/coupling", null);
        assertThat(free10000.status()).as("the lock released: " + free10000.body()).isEqualTo(200);
    }
}
