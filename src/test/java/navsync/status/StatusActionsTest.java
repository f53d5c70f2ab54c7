package navsync.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.testing.ApiClient;
import navsync.testing.FailingRecords;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retry and restore through the REST API, on couplings put in error by real runs. */
class StatusActionsTest {

    @TempDir
    Path data;
    NavsyncTestApp app;
    ApiClient api;

    @BeforeEach
    void start() {
        app = NavsyncTestApp.start(data, Map.of("navsync.sync.skip-after-failures", "2"));
        api = new ApiClient(app);
        FailingRecords.skipCustomer10000(app);
        FailingRecords.deleteSalesRowAndEdit(app, "20000");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void retryTakesASkippedRecordBackIntoTheNextRun() {
        JsonNode retried = api.json(200, "POST", "/api/mappings/CUSTOMER/records/10000/retry");
        assertThat(retried.path("skipped").asBoolean()).isFalse();
        assertThat(api.json(200, "GET", "/api/status/errors?state=skipped").path("total").asInt()).isZero();

        new navsync.testing.NavTables(app.nav()).execute("UPDATE " + navsync.testing.NavTables.table("Customer")
                + " SET [Name] = 'The Cannon Group PLC' WHERE [No_] = '10000'");
        JsonNode job = api.waitForJob(api.json(202, "POST", "/api/mappings/CUSTOMER/synchronize?direction=ToIntegrationTable")
                .path("jobId").asText());
        assertThat(job.path("inserted").asInt()).as(job.toString()).isEqualTo(1);
        // synchronized; only its primary contact waits for the CONTACT mapping (a second-pass lookup)
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().toResult())
                .isEqualTo(navsync.state.SyncResult.Partial);
        assertThat(api.json(404, "POST", "/api/mappings/CUSTOMER/records/99999/retry").path("error").asText())
                .contains("99999 is not coupled");
    }

    @Test
    void restoreRecreatesADeletedSalesRowUnderItsIdAndRestoreAllTheRest() {
        UUID deleted = app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().salesId();
        JsonNode started = api.json(202, "POST", "/api/mappings/CUSTOMER/records/20000/restore");
        assertThat(started.path("direction").asText()).isEqualTo("ToIntegrationTable");
        JsonNode job = api.waitForJob(started.path("jobId").asText());
        assertThat(job.path("status").asText()).isEqualTo("Succeeded");
        assertThat(job.path("inserted").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(app.sandbox().row("accounts", deleted).orElseThrow().get("telephone1")).isEqualTo("+44 1 NAV");
        assertThat(api.json(200, "GET", "/api/status/errors?mapping=CUSTOMER").path("total").asInt()).isEqualTo(1);

        HttpResponse<String> nothing = api.post("/api/mappings/CUSTOMER/records/20000/restore");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(nothing.body()).contains("both exist");
        assertThat(api.json(409, "POST", "/api/mappings/CUSTOMER/records/10000/restore").path("error").asText())
                .contains("pending");

        List<UUID> gone = new ArrayList<>();
        for (String key : List.of("30000", "40000")) {
            gone.add(FailingRecords.deleteSalesRowAndEdit(app, key));
        }
        JsonNode all = api.json(202, "POST", "/api/mappings/CUSTOMER/restore");
        assertThat(all.path("salesRows").asInt()).isEqualTo(2);
        assertThat(all.path("navRecords").asInt()).isZero();
        assertThat(api.waitForJob(all.path("jobId").asText()).path("inserted").asInt()).isEqualTo(2);
        gone.forEach(id -> assertThat(app.sandbox().row("accounts", id)).isPresent());
        assertThat(api.json(202, "POST", "/api/mappings/CUSTOMER/restore").path("jobId").isNull())
                .as("nothing left to restore").isTrue();

        assertThat(api.json(200, "POST", "/api/mappings/CUSTOMER/retry").path("retried").asInt()).isEqualTo(1);
        assertThat(api.send("DELETE", "/api/mappings/CUSTOMER/records/10000/coupling", null).statusCode()).isEqualTo(200);
        assertThat(api.json(200, "GET", "/api/status/errors").path("total").asInt()).isZero();
    }

    @Test
    void restoreRecreatesADeletedNavRecordUnderItsKeyFromTheSalesRow() {
        UUID account = app.store().couplings().findByNavKey("CUSTOMER", "30000").orElseThrow().salesId();
        NavTables nav = new NavTables(app.nav());
        nav.execute("DELETE FROM " + NavTables.table("Customer") + " WHERE [No_] = '30000'");
        new SalesRows(app.sandbox().organizationUrl()).update("accounts", account, Map.of("address1_city", "York"));
        app.synchronization().run("CUSTOMER", Direction.FromIntegrationTable, Duration.ofMinutes(1));
        JsonNode error = api.json(200, "GET", "/api/status/errors?mapping=CUSTOMER&state=failed").path("errors").get(1);
        assertThat(error.path("navKey").asText()).isEqualTo("30000");
        assertThat(error.path("navExists").asBoolean()).isFalse();
        assertThat(error.path("restore").asText()).isEqualTo("recreate the NAV record");

        JsonNode started = api.json(202, "POST", "/api/mappings/CUSTOMER/records/30000/restore");
        assertThat(started.path("direction").asText()).isEqualTo("FromIntegrationTable");
        JsonNode job = api.waitForJob(started.path("jobId").asText());
        assertThat(job.path("inserted").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(nav.row("Customer", "No_", "30000").get("City")).isEqualTo("York");
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "30000").orElseThrow().salesId()).isEqualTo(account);
    }
}
