package navsync.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;

/**
 * Reads a {@code $batch} body [BATCH]: {@code application/http} parts (request line, headers, blank line, body) and
 * change sets (a nested {@code multipart/mixed}); checks what the service checks before running anything: no GET in a
 * change set, no nested change set or batch, at most 1,000 operations.
 */
final class BatchReader {
    /** At most 1,000 requests per batch [BATCH]. */
    static final int MAX_OPERATIONS = 1000;
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z]+) (\\S+)(?: HTTP/1\\.[01])?");

    private BatchReader() {
    }

    /** One operation: its Content-ID (may be null) and its inner HTTP request. */
    record Operation(String contentId, String method, String url, Headers headers, String body) {
    }

    /** A top-level item: one operation, or the operations of a change set. */
    record Item(Operation single, List<Operation> changeSet) {
    }

    static List<Item> read(String body, String boundary) {
        List<Item> items = new ArrayList<>();
        int operations = 0;
        for (Multipart.Part part : Multipart.parse(body, boundary)) {
            String changeSetBoundary = Multipart.boundary(part.contentType());
            if (changeSetBoundary != null) {
                List<Operation> ops = new ArrayList<>();
                for (Multipart.Part inner : Multipart.parse(part.content(), changeSetBoundary)) {
                    if (Multipart.boundary(inner.contentType()) != null) {
                        throw invalid("Change sets can't be nested.");
                    }
                    Operation op = operation(inner);
                    if (op.method().equals("GET")) {
                        throw invalid("GET requests are not allowed inside a change set.");
                    }
                    ops.add(op);
                }
                operations += ops.size();
                items.add(new Item(null, ops));
            } else {
                items.add(new Item(operation(part), null));
                operations++;
            }
            if (operations > MAX_OPERATIONS) {
                throw invalid("The batch contains more than " + MAX_OPERATIONS + " requests.");
            }
        }
        return items;
    }

    private static Operation operation(Multipart.Part part) {
        if (!part.contentType().toLowerCase(Locale.ROOT).startsWith("application/http")) {
            throw invalid("Each batch part must have 'Content-Type: application/http' or be a change set.");
        }
        String content = new String(part.contentBytes(), StandardCharsets.UTF_8);
        int lineEnd = Multipart.lineEnd(content, 0);
        String line = (lineEnd < 0 ? content : content.substring(0, Multipart.lineContentEnd(content, lineEnd))).strip();
        Matcher m = REQUEST_LINE.matcher(line);
        if (!m.matches()) {
            throw invalid("'" + line + "' is not an HTTP request line.");
        }
        Multipart.Part inner = lineEnd < 0 ? new Multipart.Part(new Headers(), "")
                : Multipart.part(content.substring(lineEnd));
        String url = m.group(2);
        if (url.contains("$batch")) {
            throw invalid("A batch can't contain another batch.");
        }
        // Content-ID belongs to the MIME part [BATCH]; some clients put it among the inner headers
        String contentId = part.headers().getFirst("Content-ID");
        if (contentId == null) {
            contentId = inner.headers().getFirst("Content-ID");
        }
        return new Operation(contentId == null ? null : contentId.strip(), m.group(1).toUpperCase(Locale.ROOT), url,
                inner.headers(), inner.content().strip().isEmpty() ? "" : inner.content());
    }

    private static DataverseException invalid(String message) {
        return DataverseException.badRequest(ErrorCodes.EMPTY, message);
    }
}
