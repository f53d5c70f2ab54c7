package navsync.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a {@code $batch} response [BATCH]: {@code multipart/mixed; boundary=batchresponse_<guid>}, a change set's
 * responses inside {@code changesetresponse_<guid>}, each part {@code application/http} with the Content-ID echoed,
 * the inner status line, headers ({@code Location} beside {@code OData-EntityId}, {@code OData-Version}) and body;
 * CRLF line breaks.
 */
final class BatchWriter {
    private BatchWriter() {
    }

    /** The responses of one top-level item: one part, or the parts of a change set that succeeded. */
    record Outcome(List<BatchReader.Operation> operations, List<ApiResponse> responses, boolean changeSet) {
        boolean failed() {
            return responses.size() == 1 && responses.get(0).isError();
        }
    }

    static ApiResponse write(int status, List<Outcome> outcomes, String preferenceApplied) {
        String boundary = "batchresponse_" + UUID.randomUUID();
        StringBuilder out = new StringBuilder(1024);
        for (Outcome o : outcomes) {
            out.append("--").append(boundary).append("\r\n");
            if (o.changeSet()) {
                String cs = "changesetresponse_" + UUID.randomUUID();
                out.append("Content-Type: multipart/mixed; boundary=").append(cs).append("\r\n\r\n");
                for (int i = 0; i < o.responses().size(); i++) {
                    out.append("--").append(cs).append("\r\n");
                    part(out, o.operations().get(i), o.responses().get(i));
                }
                out.append("--").append(cs).append("--\r\n");
            } else {
                part(out, o.operations().get(0), o.responses().get(0));
            }
        }
        out.append("--").append(boundary).append("--\r\n");
        ApiResponse r = ApiResponse.of(status, "multipart/mixed; boundary=" + boundary,
                out.toString().getBytes(StandardCharsets.UTF_8));
        return preferenceApplied == null ? r : r.header("Preference-Applied", preferenceApplied);
    }

    private static void part(StringBuilder out, BatchReader.Operation op, ApiResponse r) {
        out.append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (op.contentId() != null) {
            out.append("Content-ID: ").append(op.contentId()).append("\r\n");
        }
        out.append("\r\nHTTP/1.1 ").append(r.status()).append(' ').append(StatusLine.reason(r.status())).append("\r\n");
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
            String value = h.getValue().get(0);
            if (h.getKey().equalsIgnoreCase("Content-Type") && value.startsWith("application/json") && r.status() == 200) {
                value = value + "; odata.streaming=true"; // as [BATCH] shows for query results
            }
            out.append(canonical(h.getKey())).append(": ").append(value).append("\r\n");
        }
        String entityId = r.header("OData-EntityId");
        if (entityId != null) {
            out.append("Location: ").append(entityId).append("\r\n");
        }
        out.append("OData-Version: 4.0\r\n\r\n");
        if (r.body().length > 0) {
            out.append(new String(r.body(), StandardCharsets.UTF_8)).append("\r\n");
        }
    }

    /** Header names as Dataverse writes them (the JDK's Headers normalise the case to e.g. "Odata-entityid"). */
    private static String canonical(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "odata-entityid" -> "OData-EntityId";
            case "etag" -> "ETag";
            default -> {
                StringBuilder sb = new StringBuilder(name.length());
                boolean upper = true;
                for (char c : name.toCharArray()) {
                    sb.append(upper ? Character.toUpperCase(c) : c);
                    upper = c == '-';
                }
                yield sb.toString();
            }
        };
    }
}
