package navsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Edits Sales rows over the Web API, as a Sales user would (so modifiedon and versions move). */
public final class SalesRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String webApi;

    public SalesRows(String organizationUrl) {
        this.webApi = organizationUrl + "/api/data/v9.2/";
    }

    public void update(String entitySet, UUID id, Map<String, Object> values) {
        send("PATCH", entitySet + "(" + id + ")", values, Map.of("If-Match", "*"));
    }

    public UUID create(String entitySet, Map<String, Object> values) {
        HttpResponse<String> response = send("POST", entitySet, values, Map.of());
        String location = response.headers().firstValue("OData-EntityId").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('(') + 1, location.lastIndexOf(')')));
    }

    /** Creates rows of {@code logicalName} in one CreateMultiple request. */
    public void createMultiple(String entitySet, String logicalName, List<Map<String, Object>> rows) {
        List<Map<String, Object>> targets = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> target = new java.util.LinkedHashMap<>(row);
            target.put("@odata.type", "Microsoft.Dynamics.CRM." + logicalName);
            targets.add(target);
        }
        send("POST", entitySet + "/Microsoft.Dynamics.CRM.CreateMultiple", Map.of("Targets", targets), Map.of());
    }

    public void delete(String entitySet, UUID id) {
        send("DELETE", entitySet + "(" + id + ")", null, Map.of());
    }

    public JsonNode get(String entitySet, UUID id) {
        try {
            return JSON.readTree(send("GET", entitySet + "(" + id + ")", null, Map.of()).body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webApi + path))
                    .header("Accept", "application/json").header("OData-Version", "4.0")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
