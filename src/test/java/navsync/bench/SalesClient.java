package navsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A minimal Web API client (the JDK's HTTP/1.1 client, no retries, no Camel): what the per-record
 * writer and the bulk ceiling send with, and what the benchmark uses to edit and count Sales rows.
 */
final class SalesClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String webApi;

    SalesClient(String organizationUrl) {
        this.webApi = organizationUrl + "/api/data/v9.2/";
    }

    /** Sends and returns the response; throws on I/O errors only. */
    HttpResponse<String> send(String method, String relative, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(webApi + relative))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + relative + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and checks the status is 2xx. */
    HttpResponse<String> expectSuccess(String method, String relative, byte[] body) {
        HttpResponse<String> r = send(method, relative, body);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + relative + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r;
    }

    /** Rows of an entity set, counted by reading their ids page by page (primary-key order; $count stops at 5,000). */
    long countRows(String entitySet, String primaryId) {
        String next = entitySet + "?$select=" + primaryId;
        long n = 0;
        while (next != null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(next.startsWith("http") ? next : webApi + next))
                    .timeout(Duration.ofMinutes(5)).header("Accept", "application/json")
                    .header("Prefer", "odata.maxpagesize=5000").GET().build();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("counting " + entitySet + " answered " + r.statusCode() + ": " + r.body());
                }
                JsonNode page = PayloadMapper.JSON.readTree(r.body());
                n += page.path("value").size();
                JsonNode link = page.get("@odata.nextLink");
                next = link == null || link.isNull() ? null : link.asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return n;
    }
}
