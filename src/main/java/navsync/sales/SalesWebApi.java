package navsync.sales;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dataverse Web API over camel-http: the headers every request needs, the bearer token (renewed
 * once when the service refuses it), a bound on parallel requests that follows {@code x-ms-dop-hint},
 * and retries of transient failures (429 with {@code Retry-After}, 5xx, timeouts) whose waits are
 * counted in {@link SalesMetrics}. Callers get a response or a {@link SalesException}; they never
 * see HTTP plumbing.
 */
public final class SalesWebApi {

    private static final Logger LOG = LoggerFactory.getLogger(SalesWebApi.class);

    private final SalesConnection connection;
    private final ProducerTemplate producer;
    private final AccessTokens tokens;
    private final RetryPolicy retry;
    private final ParallelLimit parallel;
    private final SalesMetrics metrics;
    private final String endpoint;

    /**
     * @param endpointOptions extra camel-http endpoint options, e.g. {@code sslContextParameters=#salesTls}
     *                        (empty for none)
     */
    public SalesWebApi(CamelContext camel, SalesConnection connection, AccessTokens tokens, RetryPolicy retry,
                       ParallelLimit parallel, SalesMetrics metrics, String endpointOptions) {
        this.connection = connection;
        this.producer = camel.createProducerTemplate();
        this.tokens = tokens;
        this.retry = retry;
        this.parallel = parallel;
        this.metrics = metrics;
        // the Web API answers errors with documented bodies: read them instead of throwing
        this.endpoint = connection.organizationUrl() + "?throwExceptionOnFailure=false"
                + (endpointOptions.isEmpty() ? "" : "&" + endpointOptions);
    }

    /** The parallel-request bound in force. */
    public ParallelLimit parallelLimit() {
        return parallel;
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
        boolean tokenRenewed = false;
        for (int attempt = 1; ; attempt++) {
            SalesResponse response;
            Optional<String> token = tokens.bearerToken();
            boolean failedToConnect = false;
            try {
                response = sendOnce(method, relative, json, extraHeaders, token);
            } catch (RuntimeException e) {
                failedToConnect = true;
                response = new SalesResponse(503, Map.of(), "{\"error\":{\"code\":\"\",\"message\":\"request failed: "
                        + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}}");
            }
            response.header("x-ms-dop-hint").ifPresent(parallel::applyDopHint);
            if (response.status() == 401 && token.isPresent() && !tokenRenewed) {
                // expired or revoked: one new token, then the request again at once
                tokenRenewed = true;
                metrics.tokenRefused();
                tokens.rejected(token.get());
                attempt--;
                continue;
            }
            SalesError error = response.isSuccess() ? null : response.error();
            if (error == null || !error.isTransient()) {
                return response;
            }
            Duration pause = retry.backoff(attempt, response.header("Retry-After").orElse(null));
            if (attempt >= retry.maxAttempts() || System.nanoTime() + pause.toNanos() > deadline) {
                metrics.gaveUp();
                LOG.warn("{} {} still failing after {} attempts: {}", method, relative, attempt, error);
                return response;
            }
            LOG.debug("{} {} answered {}; retrying in {} ms", method, relative, error, pause.toMillis());
            metrics.waited(failedToConnect ? SalesMetrics.WaitReason.timeout_or_io
                    : error.status() == 429 ? SalesMetrics.WaitReason.throttled : SalesMetrics.WaitReason.server_error,
                    pause);
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

    private SalesResponse sendOnce(String method, String relative, String json, Map<String, String> extraHeaders,
                                   Optional<String> token) {
        String path = connection.webApiPath() + relative;
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String finalPath = path;
        String finalQuery = query;
        parallel.acquire();
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
                token.ifPresent(t -> in.setHeader("Authorization", "Bearer " + t));
                extraHeaders.forEach(in::setHeader);
                if (json != null) {
                    String type = extraHeaders.getOrDefault("Content-Type", "application/json; charset=utf-8");
                    in.removeHeader("Content-Type");
                    in.setHeader(Exchange.CONTENT_TYPE, type);
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
