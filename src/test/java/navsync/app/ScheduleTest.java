package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled synchronization on real Quartz triggers, driven through the REST API. */
class ScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    @TempDir
    Path mappings;
    NavsyncTestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aScheduleRunsTheMappingAndCanBePausedResumedAndRunNow() throws Exception {
        try (var shipped = Files.list(Path.of("mappings"))) {
            for (Path file : shipped.toList()) {
                Files.writeString(mappings.resolve(file.getFileName()), Files.readString(file)
                        .replaceAll("\n  inactivitySleep: [^\n]*", "") // this test is about firings, not sleep
                        .replace("interval: 30m", file.getFileName().toString().equals("item-product.yaml")
                                ? "interval: 1s" : "interval: 1d"));
            }
        }
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString(),
                "navsync.schedules.enabled", "true"));

        waitFor(() -> jobs("ITEM-PRODUCT") >= 2, "the 1-second schedule fired");
        assertThat(app.sandbox().rows("products")).isNotEmpty();
        JsonNode item = schedule("ITEM-PRODUCT");
        assertThat(item.path("state").asText()).isEqualTo("Started");
        assertThat(item.path("interval").asText()).isEqualTo("PT1S");
        assertThat(Instant.parse(item.path("nextRun").asText())).isAfter(Instant.now().minusSeconds(5));
        assertThat(schedule("CUSTOMER").path("interval").asText()).isEqualTo("PT24H");

        JsonNode paused = JSON.readTree(post("/api/schedules/ITEM-PRODUCT/pause").body());
        assertThat(paused.path("state").asText()).isEqualTo("Paused");
        // a scheduled run holds its firing until both passes are done
        waitFor(() -> app.camel().getInflightRepository().size("schedule-ITEM-PRODUCT") == 0,
                "a run that had started when the schedule paused finishes");
        int afterPause = jobs("ITEM-PRODUCT");
        Thread.sleep(3000);
        assertThat(jobs("ITEM-PRODUCT")).as("a paused schedule does not fire").isEqualTo(afterPause);

        assertThat(JSON.readTree(post("/api/schedules/ITEM-PRODUCT/resume").body()).path("state").asText())
                .isEqualTo("Started");
        waitFor(() -> jobs("ITEM-PRODUCT") > afterPause, "the resumed schedule fires");

        int beforeRunNow = jobs("CUSTOMER");
        assertThat(post("/api/schedules/CUSTOMER/run").statusCode()).isEqualTo(200);
        waitFor(() -> jobs("CUSTOMER") > beforeRunNow, "run now starts the mapping");
        assertThat(post("/api/schedules/CUSTOMER/jump").statusCode()).isEqualTo(404);
    }

    private int jobs(String mapping) {
        return app.store().jobs().latest(mapping, 1000).size();
    }

    private JsonNode schedule(String mapping) throws Exception {
        for (JsonNode s : JSON.readTree(get("/api/schedules").body())) {
            if (s.path("mapping").asText().equals(mapping)) {
                return s;
            }
        }
        throw new AssertionError("no schedule of " + mapping);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.apiUrl(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.apiUrl(path))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
