package navsync.sales;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dataverse Web API over camel-http: the headers every request needs, the bearer token, a bound
 * on parallel requests, and retries of transient failures (429 with {@code Retry-After}, 5xx,
 * timeouts). Callers get a response or a {@link SalesException}; they never see HTTP plumbing.
 */
public final class SalesWebApi {

    private static final Logger LOG = LoggerFactory.getLogger(SalesWebApi.class);

    private final SalesConnection connection;
    private final ProducerTemplate producer;
    private final AccessTokens tokens;
    private final RetryPolicy retry;
    private final Semaphore parallel;
    private final String endpoint;

    public SalesWebApi(CamelContext camel, SalesConnection connection, AccessTokens tokens, RetryPolicy retry,
                       int maxParallelRequests) {
        this.connection = connection;
        this.producer = camel.createProducerTemplate();
        this.tokens = tokens;
        this.retry = retry;
        this.parallel = new Semaphore(maxParallelRequests, true);
        // the Web API answers errors with documented bodies: read them instead of throwing
        this.endpoint = connection.organizationUrl() + "?throwExceptionOnFailure=false";
    }

    public SalesConnection connection() {
        return connection;
    }

    public SalesResponse get(String relative) {
        return send("GET", relative, null, Map.of());
    }

    public SalesResponse post(String relative, String json) {
        return send("POST", relative, json, Map.of());
    }

    public SalesResponse delete(String relative) {
        return send("DELETE", relative, null, Map.of());
    }

    /**
     * Sends one request, retrying transient failures per the retry policy. Returns the last
     * response, which the caller checks with {@link SalesResponse#isSuccess()}.
     */
    public SalesResponse send(String method, String relative, String json, Map<String, String> extraHeaders) {
        long deadline = System.nanoTime() + retry.maxWait().toNanos();
        for (int attempt = 1; ; attempt++) {
            SalesResponse response;
            try {
                response = sendOnce(method, relative, json, extraHeaders);
            } catch (RuntimeException e) {
                response = new SalesResponse(503, Map.of(), "{\"error\":{\"code\":\"\",\"message\":\"request failed: "
                        + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}}");
            }
            SalesError error = response.isSuccess() ? null : response.error();
            if (error == null || !error.isTransient() || attempt >= retry.maxAttempts()) {
                return response;
            }
            Duration pause = retry.backoff(attempt, response.header("Retry-After").orElse(null));
            if (System.nanoTime() + pause.toNanos() > deadline) {
                return response;
            }
            LOG.debug("{} {} answered {}; retrying in {} ms", method, relative, error, pause.toMillis());
            sleep(pause);
        }
    }

    /** Sends to an absolute Web API URL the service gave (an {@code @odata.nextLink}), unchanged. */
    public SalesResponse sendAbsolute(String method, String url, Map<String, String> extraHeaders) {
        String root = connection.organizationUrl() + connection.webApiPath();
        if (!url.startsWith(root)) {
            throw new IllegalArgumentException("not a URL of " + root + ": " + url);
        }
        return send(method, url.substring(root.length()), null, extraHeaders);
    }

    private SalesResponse sendOnce(String method, String relative, String json, Map<String, String> extraHeaders) {
        String path = connection.webApiPath() + relative;
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String finalPath = path;
        String finalQuery = query;
        parallel.acquireUninterruptibly();
        try {
            Exchange exchange = producer.send(endpoint, ex -> {
                Message in = ex.getIn();
                in.setHeader(Exchange.HTTP_METHOD, method);
                in.setHeader(Exchange.HTTP_PATH, finalPath);
                if (finalQuery != null) {
                    in.setHeader(Exchange.HTTP_QUERY, finalQuery);
                }
                in.setHeader("Accept", "application/json");
                in.setHeader("OData-MaxVersion", "4.0");
                in.setHeader("OData-Version", "4.0");
                in.setHeader("If-None-Match", "null");
                tokens.bearerToken().ifPresent(token -> in.setHeader("Authorization", "Bearer " + token));
                extraHeaders.forEach(in::setHeader);
                if (json != null) {
                    in.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
                    in.setBody(json);
                }
            });
            if (exchange.getException() != null) {
                throw new IllegalStateException(exchange.getException().getMessage(), exchange.getException());
            }
            Message out = exchange.getMessage();
            Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            Map<String, String> headers = new LinkedHashMap<>();
            out.getHeaders().forEach((k, v) -> {
                if (v != null && !k.startsWith("Camel")) {
                    headers.put(k, v.toString());
                }
            });
            String body = out.getBody(String.class);
            return new SalesResponse(status == null ? 0 : status, headers, body);
        } finally {
            parallel.release();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
