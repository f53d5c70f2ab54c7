package navsync.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import navsync.sandbox.json.Json;

/**
 * Writes responses. Every response carries {@code OData-Version: 4.0}; JSON bodies are
 * {@code application/json; odata.metadata=minimal} [CREATE, BATCH]; errors are {@code {"error":{"code","message"}}}
 * [COMPOSE]. (The JDK server normalises header-name case, e.g. {@code Odata-entityid}; HTTP header names are
 * case-insensitive.)
 */
final class Responder {
    static final String JSON = "application/json; odata.metadata=minimal";

    private final int dopHint;

    Responder(int dopHint) {
        this.dopHint = dopHint;
    }

    /** Writes a JSON body built by {@code body}. */
    interface BodyWriter {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] json(BodyWriter body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            body.write(g);
        }
        return out.toByteArray();
    }

    void sendJson(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", JSON);
        send(ex, status, body);
    }

    void sendText(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        send(ex, status, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendEmpty(HttpExchange ex, int status) throws IOException {
        common(ex.getResponseHeaders());
        ex.sendResponseHeaders(status, -1);
    }

    void sendError(HttpExchange ex, int status, String code, String message) throws IOException {
        byte[] body = json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
        Headers h = ex.getResponseHeaders();
        h.remove("OData-EntityId");
        h.remove("Preference-Applied");
        h.remove("ETag");
        sendJson(ex, status, body);
    }

    private void send(HttpExchange ex, int status, byte[] body) throws IOException {
        common(ex.getResponseHeaders());
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void common(Headers h) {
        h.set("OData-Version", "4.0");
        h.set("x-ms-dop-hint", Integer.toString(dopHint));
        ThreadLocalRandom r = ThreadLocalRandom.current();
        h.set("REQ_ID", new UUID(r.nextLong(), r.nextLong()).toString());
    }
}
