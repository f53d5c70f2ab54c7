package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAV's manual coupling procedures through the REST API and the coupling route, against the sandbox. */
class CouplingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    NavsyncTestApp app;
    SalesRows sales;
    NavTables nav;

    @BeforeEach
    void start() {
        app = NavsyncTestApp.start(data, Map.of());
        sales = new SalesRows(app.sandbox().organizationUrl());
        nav = new NavTables(app.nav());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void coupleToAnExistingRowByNameThenSynchronizeItFromNav() throws Exception {
        UUID existing = sales.create("accounts", Map.of("name", "The Cannon Group (Sales)", "customertypecode", 3));
        HttpResponse<String> coupled = send("POST", "/api/mappings/CUSTOMER/records/10000/coupling",
                Map.of("salesName", "The Cannon", "synchronize", "ToIntegrationTable"));
        assertThat(coupled.statusCode()).as(coupled.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(coupled.body());
        assertThat(body.path("salesId").asText()).isEqualTo(existing.toString());
        assertThat(body.path("salesUrl").asText()).contains("etn=account").contains(existing.toString());
        waitForJob(body.path("jobId").asText());
        JsonNode account = sales.get("accounts", existing);
        assertThat(account.path("name").asText()).isEqualTo("The Cannon Group PLC");
        assertThat(account.path("accountnumber").asText()).isEqualTo("10000");
        assertThat(app.sandbox().rows("accounts")).as("no new row").hasSize(1);

        JsonNode view = JSON.readTree(send("GET", "/api/mappings/CUSTOMER/records/10000/coupling", null).body());
        assertThat(view.path("toIntegrationTable").path("result").asText()).isEqualTo("Success");
        JsonNode reverse = JSON.readTree(send("GET", "/api/couplings?mapping=CUSTOMER&salesId=" + existing, null).body());
        assertThat(reverse.path("navKey").asText()).isEqualTo("10000");

        HttpResponse<String> twice = send("POST", "/api/mappings/CUSTOMER/records/20000/coupling",
                Map.of("salesId", existing.toString()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).path("error").asText()).contains("already coupled to NAV Customer 10000");

        assertThat(send("DELETE", "/api/mappings/CUSTOMER/records/10000/coupling", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/mappings/CUSTOMER/records/10000/coupling", null).statusCode()).isEqualTo(404);
    }

    @Test
    void coupleToAnExistingRowAndTakeItsValuesIntoNav() throws Exception {
        UUID existing = sales.create("accounts", Map.of("name", "Selangorian Ltd.", "telephone1", "+44 24 0000 0000",
                "customertypecode", 3));
        JsonNode body = JSON.readTree(send("POST", "/api/mappings/CUSTOMER/records/20000/coupling",
                Map.of("salesId", existing.toString(), "synchronize", "FromIntegrationTable")).body());
        waitForJob(body.path("jobId").asText());
        assertThat(nav.row("Customer", "No_", "20000").get("Phone No_")).isEqualTo("+44 24 0000 0000");
    }

    @Test
    void createNewAndCouple() throws Exception {
        JsonNode body = JSON.readTree(send("POST", "/api/mappings/CUSTOMER/records/30000/coupling",
                Map.of("createNew", true)).body());
        waitForJob(body.path("jobId").asText());
        UUID created = UUID.fromString(body.path("salesId").asText());
        assertThat(app.sandbox().row("accounts", created).orElseThrow().get("accountnumber")).isEqualTo("30000");
    }

    @Test
    void synchronizeNowOneRecordNeedsADirectionWhereTheMappingGoesBothWays() throws Exception {
        HttpResponse<String> ambiguous = send("POST", "/api/mappings/CUSTOMER/records/20000/synchronize", null);
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(ambiguous.body()).path("error").asText())
                .contains("ToIntegrationTable").contains("FromIntegrationTable");

        HttpResponse<String> started = send("POST",
                "/api/mappings/CUSTOMER/records/20000/synchronize?direction=ToIntegrationTable", null);
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode job = waitForJob(JSON.readTree(started.body()).path("jobId").asText());
        assertThat(job.path("inserted").asInt()).isEqualTo(1);
        assertThat(app.sandbox().rows("accounts")).hasSize(1);
    }

    @Test
    void synchronizeNowManyRecordsAsOneBulkJobBothWays() throws Exception {
        List<String> keys = new ArrayList<>(nav.rows("SELECT [No_] FROM " + NavTables.table("Customer")).keySet());
        app.sandbox().resetCounters();
        HttpResponse<String> started = send("POST", "/api/mappings/CUSTOMER/records/synchronize", Map.of("keys", keys));
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode job = waitForJob(JSON.readTree(started.body()).path("jobId").asText());
        assertThat(job.path("inserted").asInt()).as("chosen records, blocked ones too").isEqualTo(keys.size());
        assertThat(app.sandbox().writeRequestCount()).as("one bulk request for the batch").isEqualTo(1);

        UUID account = app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().salesId();
        sales.update("accounts", account, Map.of("address1_city", "Leeds"));
        HttpResponse<String> back = send("POST", "/api/mappings/CUSTOMER/records/synchronize",
                Map.of("salesIds", List.of(account.toString())));
        waitForJob(JSON.readTree(back.body()).path("jobId").asText());
        assertThat(nav.row("Customer", "No_", "20000").get("City")).isEqualTo("Leeds");
    }

    @Test
    void badInputGetsAClearProblem() throws Exception {
        assertThat(send("POST", "/api/mappings/VENDOR/records/10000/coupling", Map.of("createNew", true)).statusCode())
                .isEqualTo(404);
        HttpResponse<String> noRecord = send("POST", "/api/mappings/CUSTOMER/records/99999/coupling", Map.of("createNew", true));
        assertThat(noRecord.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noRecord.body()).path("error").asText()).contains("no NAV Customer 99999");
        HttpResponse<String> badId = send("POST", "/api/mappings/CUSTOMER/records/10000/coupling", Map.of("salesId", "nope"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badId.body()).path("error").asText()).contains("'nope' is not a Sales id");
        HttpResponse<String> unknownRow = send("POST", "/api/mappings/CUSTOMER/records/10000/coupling",
                Map.of("salesId", UUID.randomUUID().toString()));
        assertThat(unknownRow.statusCode()).isEqualTo(404);
        HttpResponse<String> direction = send("POST",
                "/api/mappings/SALESPEOPLE/records/JO/synchronize?direction=ToIntegrationTable", null);
        assertThat(direction.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(direction.body()).path("error").asText()).contains("not configured for ToIntegrationTable");
    }

    private JsonNode waitForJob(String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode job = JSON.readTree(send("GET", "/api/jobs/" + id, null).body());
            if (!job.path("status").asText().equals("Running")) {
                assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("Succeeded");
                assertThat(job.path("failed").asInt()).as(job.toString()).isZero();
                return job;
            }
            assertThat(Instant.now()).as("job %s finishes", id).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.apiUrl(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
