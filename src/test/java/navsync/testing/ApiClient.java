package navsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Calls navsync's REST API over real HTTP, optionally with credentials, and waits for jobs. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final NavsyncTestApp app;
    private final Map<String, String> headers;

    public ApiClient(NavsyncTestApp app) {
        this(app, Map.of());
    }

    private ApiClient(NavsyncTestApp app, Map<String, String> headers) {
        this.app = app;
        this.headers = headers;
    }

    /** The same client sending HTTP basic credentials. */
    public ApiClient basic(String user, String password) {
        return new ApiClient(app, Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** The same client sending an API key. */
    public ApiClient apiKey(String key) {
        return new ApiClient(app, Map.of("X-API-Key", key));
    }

    public HttpResponse<String> send(String method, String path, Object body) {
        return send(method, path, body, "application/json");
    }

    /** The status page as a browser asks for it. */
    public HttpResponse<String> page(String path) {
        return send("GET", path, null, "text/html");
    }

    private HttpResponse<String> send(String method, String path, Object body, String accept) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.apiUrl(path))).timeout(Duration.ofSeconds(60))
                    .header("Accept", accept)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path) {
        return send("POST", path, null);
    }

    /** The JSON answer of a call that must answer {@code status}. */
    public JsonNode json(int status, String method, String path) {
        HttpResponse<String> response = send(method, path, null);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", not " + status + ": "
                    + response.body());
        }
        return parse(response.body());
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Waits until a job is no longer running; returns it. */
    public JsonNode waitForJob(String id) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode job = json(200, "GET", "/api/jobs/" + id);
            if (!job.path("status").asText().equals("Running")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + id + " still runs: " + job);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The status and JSON body of a call. */
    public record Answer(int status, JsonNode body) {
    }

    /** A call with a JSON body (or none), answered with its status and JSON body. */
    public Answer call(String method, String path, Object body) {
        HttpResponse<String> response = send(method, path, body);
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /** Waits for a job to finish and checks it succeeded; returns its view. */
    public JsonNode waitForSuccess(String id) {
        JsonNode job = waitForJob(id);
        if (!job.path("status").asText().equals("Succeeded")) {
            throw new AssertionError("job " + id + " did not succeed: " + job);
        }
        return job;
    }
}
