package navsync.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import navsync.mapping.SalesEntity;

/**
 * Writes rows with a {@code $batch} of upserts ({@code PATCH <set>(<id>)}, one part per row, no change
 * set) sent with {@code Prefer: odata.continue-on-error}: where a table lacks the bulk actions, each
 * row still lands or fails on its own, with the service's message for its part.
 */
final class SalesBatchWriter {

    /** At most 1,000 requests per batch. */
    static final int MAX_PARTS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})[^\\r\\n]*");

    private final SalesWebApi api;

    SalesBatchWriter(SalesWebApi api) {
        this.api = api;
    }

    /** Upserts the rows; returns the errors of the rows that failed, by NAV key. */
    Map<String, SalesError> upsert(SalesEntity entity, List<SalesWrite> writes) {
        Map<String, SalesError> failures = new HashMap<>();
        for (int from = 0; from < writes.size(); from += MAX_PARTS) {
            upsertChunk(entity, writes.subList(from, Math.min(writes.size(), from + MAX_PARTS)), failures);
        }
        return failures;
    }

    private void upsertChunk(SalesEntity entity, List<SalesWrite> writes, Map<String, SalesError> failures) {
        String boundary = "batch_" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (SalesWrite write : writes) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/http\r\n")
                    .append("Content-Transfer-Encoding: binary\r\n\r\n")
                    .append("PATCH ").append(api.connection().url(entity.entitySet() + "(" + write.salesId() + ")"))
                    .append(" HTTP/1.1\r\n")
                    .append("Content-Type: application/json; type=entry\r\n\r\n")
                    .append(json(write.payload())).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        SalesResponse response = api.send("POST", "$batch", body.toString(), Map.of(
                "Content-Type", "multipart/mixed; boundary=" + boundary, "Prefer", "odata.continue-on-error"));
        if (!response.isSuccess()) {
            writes.forEach(w -> failures.put(w.navKey(), response.error()));
            return;
        }
        List<SalesResponse> parts = parts(response);
        if (parts.size() != writes.size()) {
            SalesError error = new SalesError(502, "", "the $batch response has " + parts.size() + " parts for "
                    + writes.size() + " requests");
            writes.forEach(w -> failures.put(w.navKey(), error));
            return;
        }
        for (int i = 0; i < writes.size(); i++) {
            if (!parts.get(i).isSuccess()) {
                failures.put(writes.get(i).navKey(), parts.get(i).error());
            }
        }
    }

    /** The inner responses of a {@code multipart/mixed} batch response, in order. */
    static List<SalesResponse> parts(SalesResponse response) {
        String contentType = response.header("Content-Type").orElse("");
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new SalesException(new SalesError(502, "", "the $batch response is not multipart: " + contentType));
        }
        String delimiter = "--" + boundary.group(1);
        List<SalesResponse> parts = new ArrayList<>();
        String[] chunks = response.body().split(Pattern.quote(delimiter));
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                break; // the closing delimiter
            }
            Matcher status = STATUS_LINE.matcher(chunk);
            if (!status.find()) {
                continue;
            }
            String rest = chunk.substring(status.end());
            int blank = rest.replace("\r\n", "\n").indexOf("\n\n");
            String normalized = rest.replace("\r\n", "\n");
            String innerBody = blank < 0 ? "" : normalized.substring(blank + 2).trim();
            parts.add(new SalesResponse(Integer.parseInt(status.group(1)), Map.of(), innerBody));
        }
        return parts;
    }

    private static String json(ObjectNode payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
