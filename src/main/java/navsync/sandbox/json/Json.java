package navsync.sandbox.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;

/** The sandbox's Jackson setup: exact decimals, duplicate property names rejected, BigDecimal written plain. */
public final class Json {
    private Json() {
    }

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /** Parses a request body; malformed JSON is a 400 ODataClientPayloadError. */
    public static JsonNode parse(byte[] body, String entitySetName) {
        if (body.length == 0) {
            throw DataverseException.payload(entitySetName, "The request body is empty; a JSON object was expected.");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            int nl = msg.indexOf('\n');
            throw new DataverseException(400, ErrorCodes.ODATA_CLIENT_PAYLOAD_ERROR,
                    "Invalid JSON in the request body: " + (nl > 0 ? msg.substring(0, nl) : msg));
        }
    }
}
