package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** An HTTP response of the Web API with the headers navsync reads. */
public record SalesResponse(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (java.io.IOException e) {
            throw new SalesException(new SalesError(status, "", "unreadable response body: " + abbreviate(body)));
        }
    }

    /** The documented error body {@code {"error":{"code","message"}}}, or the raw text when it has none. */
    public SalesError error() {
        try {
            JsonNode error = JSON.readTree(body == null || body.isEmpty() ? "{}" : body).path("error");
            if (error.isObject()) {
                return new SalesError(status, error.path("code").asText(""), error.path("message").asText(""));
            }
        } catch (java.io.IOException ignored) {
            // not JSON: fall through to the raw text
        }
        return new SalesError(status, "", abbreviate(body));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
