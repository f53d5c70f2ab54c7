package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test client: real HTTP to the sandbox with the headers Microsoft's docs tell clients to send [COMPOSE]. */
final class WebApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTITY_ID = Pattern.compile(".*/api/data/v9\\.[012]/[a-z]+\\(([0-9a-f-]{36})\\)$");

    private final HttpClient client;
    private final String root;
    private final String token;

    WebApi(SalesSandbox sandbox) {
        this(sandbox, "v9.2");
    }

    WebApi(SalesSandbox sandbox, String version) {
        this(client(sandbox), sandbox.organizationUrl() + "/api/data/" + version + "/", null);
    }

    private WebApi(HttpClient client, String root, String token) {
        this.client = client;
        this.root = root;
        this.token = token;
    }

    /** HTTP/1.1; trusts the sandbox's certificate when it serves HTTPS. */
    static HttpClient client(SalesSandbox sandbox) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        sandbox.clientSslContext().ifPresent(b::sslContext);
        return b.build();
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    WebApi withToken(String bearer) {
        return new WebApi(client, root, bearer);
    }

    HttpClient httpClient() {
        return client;
    }

    String root() {
        return root;
    }

    record Resp(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        String errorMessage() {
            return json().path("error").path("message").asText();
        }

        /** The id from OData-EntityId, checking the header's documented form. */
        UUID entityId() {
            String h = header("OData-EntityId").orElseThrow(() -> new AssertionError("no OData-EntityId: " + raw));
            Matcher m = ENTITY_ID.matcher(h);
            if (!m.matches()) {
                throw new AssertionError("OData-EntityId not in the documented form: " + h);
            }
            return UUID.fromString(m.group(1));
        }

        Resp expect(int expected) {
            assertEquals(expected, status, () -> "status of " + raw.request().method() + " " + raw.request().uri()
                    + " body: " + raw.body());
            return this;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpRequest.Builder request(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : root + pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0")
                .header("OData-Version", "4.0");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    Resp send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Resp get(String path, String... headers) {
        HttpRequest.Builder b = request(path).header("If-None-Match", "null").GET();
        return send(withHeaders(b, headers).build());
    }

    Resp post(String path, String body, String... headers) {
        return write("POST", path, body, headers);
    }

    Resp patch(String path, String body, String... headers) {
        return write("PATCH", path, body, headers);
    }

    Resp put(String path, String body, String... headers) {
        return write("PUT", path, body, headers);
    }

    /** A request with any method, content type and body. */
    Resp send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return send(withHeaders(b, headers).build());
    }

    Resp delete(String path, String... headers) {
        return send(withHeaders(request(path).DELETE(), headers).build());
    }

    private Resp write(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return send(withHeaders(b, headers).build());
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b;
    }

    static final String[] RETURN_REPRESENTATION = {"Prefer", "return=representation"};
}
