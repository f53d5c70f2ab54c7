package navsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Calls navsync's REST API over HTTP as a user would, and follows jobs until they finish. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final NavsyncTestApp app;

    public ApiClient(NavsyncTestApp app) {
        this.app = app;
    }

    /** The status and JSON body of a call. */
    public record Answer(int status, JsonNode body) {
    }

    public Answer call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.apiUrl(path)))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a job to finish and checks it succeeded; returns its view. */
    public JsonNode waitForJob(String id) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonNode job = call("GET", "/api/jobs/" + id, null).body();
            if (!job.path("status").asText().equals("Running")) {
                assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("Succeeded");
                return job;
            }
            assertThat(Instant.now()).as("job %s finishes", id).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
