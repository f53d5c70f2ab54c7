package navsync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON of stored baselines: decimals exact both ways. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A NAV write as JSON for reports: its kind and values. */
    static JsonNode tree(navsync.nav.NavChange change) {
        com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
        node.put("change", change.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        if (change instanceof navsync.nav.NavChange.Insert insert) {
            node.set("values", MAPPER.valueToTree(insert.values()));
        } else if (change instanceof navsync.nav.NavChange.Update update) {
            node.set("values", MAPPER.valueToTree(update.values()));
        }
        return node;
    }

    /** A stored baseline, or null when there is none or it cannot be read (every field then counts as changed). */
    static JsonNode read(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
