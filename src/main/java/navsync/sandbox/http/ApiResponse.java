package navsync.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.Headers;

import navsync.sandbox.json.Json;

/**
 * A response before it is written: status, headers, body, and how many records it carried (for the latency model).
 * JSON bodies are {@code application/json; odata.metadata=minimal} [CREATE, BATCH]; errors are
 * {@code {"error":{"code","message"}}} [COMPOSE].
 */
public final class ApiResponse {
    public static final String JSON = "application/json; odata.metadata=minimal";
    private static final byte[] NONE = new byte[0];

    private final int status;
    private final Headers headers = new Headers();
    private final byte[] body;
    private int records;
    private boolean abort;
    private String entityUrl;

    private ApiResponse(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /** Writes a JSON body with a Jackson generator. */
    public interface BodyWriter {
        void write(JsonGenerator g) throws IOException;
    }

    public static byte[] jsonBody(BodyWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, body).header("Content-Type", JSON);
    }

    public static ApiResponse json(int status, BodyWriter writer) {
        return json(status, jsonBody(writer));
    }

    public static ApiResponse text(int status, String text) {
        return new ApiResponse(status, text.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain");
    }

    public static ApiResponse of(int status, String contentType, byte[] body) {
        return new ApiResponse(status, body).header("Content-Type", contentType);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, NONE);
    }

    public static ApiResponse error(int status, String code, String message) {
        return json(status, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** No response at all: the connection is dropped (a request that hung past the client's timeout). */
    public static ApiResponse aborted() {
        ApiResponse r = new ApiResponse(0, NONE);
        r.abort = true;
        return r;
    }

    public ApiResponse header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** Rows read or written, for the per-record latency. */
    public ApiResponse records(int n) {
        this.records = n;
        return this;
    }

    /**
     * The URL of the row a create or upsert wrote, kept off the wire: a {@code $batch} change set resolves
     * {@code $n} references with it even when the response is a 201 without {@code OData-EntityId}.
     */
    public ApiResponse entityUrl(String url) {
        this.entityUrl = url;
        return this;
    }

    public String entityUrl() {
        return entityUrl;
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public byte[] body() {
        return body;
    }

    public int records() {
        return records;
    }

    public boolean isAborted() {
        return abort;
    }

    public boolean isError() {
        return status >= 400;
    }
}
