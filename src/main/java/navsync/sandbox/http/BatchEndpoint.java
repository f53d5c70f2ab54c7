package navsync.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.store.DataStore;

/**
 * {@code POST $batch} [BATCH]: runs the operations of a {@code multipart/mixed} body in order through the same router
 * as single requests. A change set is atomic (one transaction over all tables; any failure rolls all of it back) and
 * may refer to the rows its earlier parts wrote as {@code $n} (their Content-ID) in URLs and in
 * {@code @odata.bind}/{@code @odata.id} values. The first failure ends the batch with an outer 400 whose body holds
 * only that failure, unless {@code Prefer: odata.continue-on-error}: then the outer status is 200 and every operation
 * has its own response. (For a failure whose own status isn't 400 the reference gives no outer status; the sandbox
 * answers 400 as documented for the example; inference.)
 */
final class BatchEndpoint {
    private static final Pattern REFERENCE = Pattern.compile("\"\\$(\\d+)\"");

    private final DataStore store;
    private final ApiHandler router;

    BatchEndpoint(DataStore store, ApiHandler router) {
        this.store = store;
        this.router = router;
    }

    /** Rolls a change set back; carries the failing operation's response. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BatchReader.Operation operation;
        private final transient ApiResponse response;

        Rollback(BatchReader.Operation operation, ApiResponse response) {
            super(null, null, false, false);
            this.operation = operation;
            this.response = response;
        }
    }

    ApiResponse execute(ApiRequest req) {
        String boundary = Multipart.boundary(req.header("Content-Type"));
        if (boundary == null) {
            throw DataverseException.badRequest(ErrorCodes.EMPTY, "A $batch request needs "
                    + "'Content-Type: multipart/mixed; boundary=batch_<id>'.");
        }
        List<BatchReader.Item> items = BatchReader.read(new String(req.body(), StandardCharsets.ISO_8859_1), boundary);
        boolean continueOnError = req.preferences().continueOnError();
        List<BatchWriter.Outcome> outcomes = new ArrayList<>();
        int records = 0;
        for (BatchReader.Item item : items) {
            BatchWriter.Outcome outcome = item.single() != null ? single(req, item.single())
                    : changeSet(req, item.changeSet());
            for (ApiResponse r : outcome.responses()) {
                records += Math.max(r.records(), 1);
            }
            if (outcome.failed() && !continueOnError) {
                return BatchWriter.write(400, List.of(outcome), null).records(records);
            }
            outcomes.add(outcome);
        }
        return BatchWriter.write(200, outcomes, continueOnError ? "odata.continue-on-error" : null).records(records);
    }

    private BatchWriter.Outcome single(ApiRequest req, BatchReader.Operation op) {
        ApiResponse r = router.handle(incoming(req, op, op.url(), op.body()));
        return new BatchWriter.Outcome(List.of(op), List.of(r), false);
    }

    private BatchWriter.Outcome changeSet(ApiRequest req, List<BatchReader.Operation> ops) {
        try {
            return store.atomically(() -> {
                Map<String, String> written = new HashMap<>();
                List<ApiResponse> responses = new ArrayList<>();
                for (BatchReader.Operation op : ops) {
                    ApiResponse r = router.handle(incoming(req, op, resolveUrl(op.url(), written),
                            resolveBody(op.body(), written)));
                    if (r.isError()) {
                        throw new Rollback(op, r);
                    }
                    if (op.contentId() != null && r.entityUrl() != null) {
                        written.put(op.contentId(), r.entityUrl());
                    }
                    responses.add(r);
                }
                return new BatchWriter.Outcome(ops, responses, true);
            });
        } catch (Rollback failure) {
            // a failed change set answers with the failing operation alone (OData 4.0; the [BATCH] error example)
            return new BatchWriter.Outcome(List.of(failure.operation), List.of(failure.response), false);
        } catch (DataverseException e) {
            return new BatchWriter.Outcome(List.of(ops.get(0)),
                    List.of(ApiResponse.error(e.status(), e.code(), e.getMessage())), false);
        }
    }

    /** {@code $1}, {@code $1/lastname}: the entity URL of Content-ID 1 in this change set [BATCH]. */
    private static String resolveUrl(String url, Map<String, String> written) {
        if (!url.startsWith("$")) {
            return url;
        }
        int slash = url.indexOf('/');
        String entity = written.get(url.substring(1, slash < 0 ? url.length() : slash));
        if (entity == null) {
            throw EntityKeys.contentIdMissing(url);
        }
        return entity + (slash < 0 ? "" : url.substring(slash));
    }

    /** {@code "x@odata.bind":"$1"}, {@code {"@odata.id":"$2"}}: string values that are a Content-ID reference. */
    private static String resolveBody(String body, Map<String, String> written) {
        if (body.indexOf('$') < 0) {
            return body;
        }
        Matcher m = REFERENCE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = written.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(entity == null ? m.group() : "\"" + entity + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An inner request as the router sees it; relative URLs are relative to the batch's service root. */
    private static IncomingRequest incoming(ApiRequest batch, BatchReader.Operation op, String url, String body) {
        String target = url;
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        } else if (!target.startsWith("/")) {
            target = "/api/data/" + batch.version() + "/" + target;
        }
        int q = target.indexOf('?');
        // percent-decode the path as URI.getPath does ('+' stays '+')
        String path = URLDecoder.decode((q < 0 ? target : target.substring(0, q)).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        return new IncomingRequest(op.method(), path, q < 0 ? null : target.substring(q + 1), op.headers(),
                body.getBytes(StandardCharsets.UTF_8), batch.incoming().origin(), batch.incoming().caller());
    }
}
