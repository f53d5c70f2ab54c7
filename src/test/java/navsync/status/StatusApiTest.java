package navsync.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import navsync.testing.ApiClient;
import navsync.testing.FailingRecords;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synchronization status REST API over HTTP, on couplings put in error by real runs: what it
 * reads (these tests change nothing, so they share one application; the actions are in
 * {@link StatusActionsTest}).
 */
class StatusApiTest {

    @TempDir
    static Path data;
    static NavsyncTestApp app;
    static ApiClient api;

    @BeforeAll
    static void start() {
        app = NavsyncTestApp.start(data, Map.of("navsync.sync.skip-after-failures", "2"));
        api = new ApiClient(app);
        FailingRecords.skipCustomer10000(app);
        FailingRecords.deleteSalesRowAndEdit(app, "20000");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void summaryCountsCouplingsFailuresAndSkipsWithTheLastRunPerDirection() {
        JsonNode customer = mapping(api.json(200, "GET", "/api/status"), "CUSTOMER");
        assertThat(customer.path("couplings").asInt()).isEqualTo(app.store().couplings().count("CUSTOMER"));
        assertThat(customer.path("failed").asInt()).isEqualTo(1);
        assertThat(customer.path("skipped").asInt()).isEqualTo(1);
        JsonNode last = customer.path("lastRuns").path("ToIntegrationTable");
        assertThat(last.path("status").asText()).isEqualTo("Succeeded");
        assertThat(last.path("failed").asInt()).as("20000's deleted row").isEqualTo(1);
        assertThat(last.has("elapsedMs") && last.has("recordsPerSecond")).isTrue();
        assertThat(customer.path("lastRuns").path("FromIntegrationTable").isNull()).as("never ran that way").isTrue();
        assertThat(customer.path("lagSeconds").path("ToIntegrationTable").asLong()).isBetween(0L, 120L);
        assertThat(customer.path("nextRun").isNull()).as("schedules are off in tests").isTrue();
        assertThat(mapping(api.json(200, "GET", "/api/status"), "CURRENCY").path("failed").asInt()).isZero();
    }

    @Test
    void errorsDescribeBothSidesAndFilterByState() {
        JsonNode all = api.json(200, "GET", "/api/status/errors?mapping=CUSTOMER");
        assertThat(all.path("total").asInt()).isEqualTo(2);
        JsonNode skipped = all.path("errors").get(0);
        assertThat(skipped.path("navKey").asText()).isEqualTo("10000");
        assertThat(skipped.path("state").asText()).isEqualTo("skipped");
        assertThat(skipped.path("navName").asText()).startsWith("The Cannon Group PLC xxx");
        assertThat(skipped.path("navExists").asBoolean()).isTrue();
        assertThat(skipped.path("salesExists").asBoolean()).as("never created").isFalse();
        assertThat(skipped.path("pending").asBoolean()).isTrue();
        assertThat(skipped.path("restore").isNull()).as("pending: nothing was deleted").isTrue();
        assertThat(skipped.path("lastError").asText()).contains("160");
        assertThat(skipped.path("failures").asInt()).isEqualTo(2);
        assertThat(skipped.path("failedAt").asText()).isNotEmpty();
        assertThat(skipped.path("failedPasses").get(0).asText()).isEqualTo("ToIntegrationTable");

        JsonNode deleted = all.path("errors").get(1);
        assertThat(deleted.path("navKey").asText()).isEqualTo("20000");
        assertThat(deleted.path("state").asText()).isEqualTo("failed");
        assertThat(deleted.path("navName").asText()).isEqualTo("Selangorian Ltd.");
        assertThat(deleted.path("salesExists").asBoolean()).isFalse();
        assertThat(deleted.path("pending").asBoolean()).isFalse();
        assertThat(deleted.path("restore").asText()).isEqualTo("recreate the Sales row");
        assertThat(deleted.path("lastError").asText()).contains("deleted");

        assertThat(api.json(200, "GET", "/api/status/errors?state=skipped").path("errors")).extracting(e -> e.path("navKey")
                .asText()).containsExactly("10000");
        JsonNode paged = api.json(200, "GET", "/api/status/errors?offset=1&limit=1");
        assertThat(paged.path("total").asInt()).isEqualTo(2);
        assertThat(paged.path("errors")).extracting(e -> e.path("navKey").asText()).containsExactly("20000");
    }

    @Test
    void jobsAreFilteredPagedAndTheirErrorsRead() {
        HttpResponse<String> page = api.get("/api/jobs?mapping=CUSTOMER&direction=ToIntegrationTable&status=Succeeded&limit=2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Total-Count")).contains("3");
        JsonNode jobs = ApiClient.parse(page.body());
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).path("failed").asInt()).as("newest first: the run that met the deleted row").isEqualTo(1);
        JsonNode older = api.json(200, "GET", "/api/jobs?mapping=CUSTOMER&offset=2&limit=2");
        assertThat(older).hasSize(1);
        assertThat(api.json(200, "GET", "/api/jobs?status=Failed")).isEmpty();
        assertThat(api.json(200, "GET", "/api/jobs?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")).isEmpty();

        String newest = jobs.get(0).path("id").asText();
        JsonNode errors = api.json(200, "GET", "/api/jobs/" + newest + "/errors?limit=10");
        assertThat(errors.path("total").asInt()).isEqualTo(1);
        assertThat(errors.path("errors").get(0).path("navKey").asText()).isEqualTo("20000");
    }

    @Test
    void badInputGetsAClearProblem() {
        assertThat(api.json(400, "GET", "/api/jobs?status=Done").path("error").asText()).contains("Running, Succeeded, Failed");
        assertThat(api.json(400, "GET", "/api/jobs?from=yesterday").path("error").asText()).contains("ISO-8601");
        assertThat(api.json(400, "GET", "/api/jobs?limit=0").path("error").asText()).contains("limit");
        assertThat(api.json(400, "GET", "/api/jobs?direction=Bidirectional").path("error").asText()).contains("direction");
        assertThat(api.json(404, "GET", "/api/jobs?mapping=VENDOR").path("error").asText()).contains("VENDOR");
        assertThat(api.json(400, "GET", "/api/status/errors?state=broken").path("error").asText()).contains("failed, skipped");
        assertThat(api.json(404, "GET", "/api/jobs/" + UUID.randomUUID() + "/errors").path("error").asText()).contains("no job");
        assertThat(api.json(400, "GET", "/api/jobs/not-a-guid/errors").path("error").asText()).contains("not a job id");
        assertThat(api.json(404, "POST", "/api/mappings/VENDOR/retry").path("error").asText()).contains("VENDOR");
    }

    private static JsonNode mapping(JsonNode status, String name) {
        for (JsonNode m : status.path("mappings")) {
            if (m.path("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no mapping " + name + " in " + status);
    }
}
