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
import java.util.Map;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP, against the whole application. */
class RestApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path data;
    static NavsyncTestApp app;

    @BeforeAll
    static void start() {
        app = NavsyncTestApp.start(data, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void listsTheMappings() throws Exception {
        HttpResponse<String> response = get("/api/mappings");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode customer = find(JSON.readTree(response.body()), "CUSTOMER");
        assertThat(customer.path("table").asText()).isEqualTo("Customer");
        assertThat(customer.path("entity").asText()).isEqualTo("account");
        assertThat(customer.path("direction").asText()).isEqualTo("Bidirectional");
    }

    @Test
    void synchronizeAnswers202WithAJobThatCanBeFollowedToItsEnd() throws Exception {
        HttpResponse<String> started = post("/api/mappings/CUSTOMER/synchronize?direction=ToIntegrationTable");
        assertThat(started.statusCode()).isEqualTo(202);
        String jobId = JSON.readTree(started.body()).path("jobId").asText();

        JsonNode job = null;
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            job = JSON.readTree(get("/api/jobs/" + jobId).body());
            if (!job.path("status").asText().equals("Running")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(job.path("status").asText()).isEqualTo("Succeeded");
        assertThat(job.path("mapping").asText()).isEqualTo("CUSTOMER");
        assertThat(job.path("direction").asText()).isEqualTo("ToIntegrationTable");
        assertThat(job.path("inserted").asInt() + job.path("unchanged").asInt()).isPositive();
        assertThat(job.path("errors").isArray()).isTrue();

        JsonNode jobs = JSON.readTree(get("/api/jobs?mapping=CUSTOMER").body());
        assertThat(jobs).anySatisfy(j -> assertThat(j.path("id").asText()).isEqualTo(jobId));
    }

    @Test
    void previewAnswersWithWhatARunWouldDo() throws Exception {
        HttpResponse<String> response = post("/api/mappings/ITEM-PRODUCT/preview?direction=ToIntegrationTable");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("jobs").get(0).path("type").asText()).isEqualTo("Preview");
        int inserts = body.path("jobs").get(0).path("inserted").asInt();
        assertThat(inserts).isPositive();
        assertThat(body.path("records")).hasSize(inserts);
        assertThat(body.path("records").get(0).path("action").asText()).isEqualTo("insert");
        assertThat(body.path("records").get(0).path("toSales").path("productnumber").asText()).isNotEmpty();
        assertThat(app.sandbox().rows("products")).as("nothing written").isEmpty();
    }

    @Test
    void servesItsOpenApiDescription() throws Exception {
        HttpResponse<String> response = get("/api-doc");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/mappings/{name}/records/{key}/coupling")).isTrue();
        assertThat(doc.path("paths").has("/api/mappings/{name}/synchronize")).isTrue();
    }

    @Test
    void observabilityEndpointsAnswerForHawtioAndMonitoring() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl("/observe/health")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> routes = HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl(
                "/observe/jolokia/search/org.apache.camel:type=routes,*"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(routes.body()).contains("nav-to-sales-CUSTOMER").contains("sales-to-nav-CUSTOMER").contains("coupling");
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl("/observe/metrics")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("camel_exchanges");
        HttpResponse<String> mapping = HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl(
                "/observe/jolokia/read/navsync:type=mappings,name=%22CUSTOMER%22/Direction"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(mapping.body()).path("value").asText()).isEqualTo("Bidirectional");
    }

    @Test
    void errorsAreClear() throws Exception {
        HttpResponse<String> unknown = post("/api/mappings/VENDOR/synchronize");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).contains("VENDOR");

        HttpResponse<String> badDirection = post("/api/mappings/CUSTOMER/synchronize?direction=Sideways");
        assertThat(badDirection.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDirection.body()).path("error").asText()).contains("ToIntegrationTable");

        HttpResponse<String> badJob = get("/api/jobs/not-a-guid");
        assertThat(badJob.statusCode()).isEqualTo(400);
        HttpResponse<String> missingJob = get("/api/jobs/00000000-0000-0000-0000-000000000001");
        assertThat(missingJob.statusCode()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no mapping " + name + " in " + array);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.apiUrl(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.apiUrl(path))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
