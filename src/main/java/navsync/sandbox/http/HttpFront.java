package navsync.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The JDK HTTP server's handler: counts the request, turns the exchange into an {@link IncomingRequest}, passes Web
 * API paths ({@code /api/data/...}) to the Web API chain and everything else to the identity endpoints (then to the
 * router, which answers 404), and writes the response. Web API responses carry {@code OData-Version: 4.0}
 * [CREATE], {@code x-ms-dop-hint} [PARALLEL] and a {@code REQ_ID} [BATCH]. (The JDK server normalises header-name
 * case, e.g. {@code Odata-entityid}; HTTP header names are case-insensitive.)
 */
public final class HttpFront implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());

    private final ApiHandler webApi;
    private final ApiHandler identity;
    private final ApiHandler fallback;
    private final String scheme;
    private final String organizationUrl;
    private final int dopHint;
    private final RequestCounters counters;

    /**
     * @param identity answers token and discovery paths, or returns null for paths that aren't its own
     * @param fallback answers every other path (the router: 404)
     */
    public HttpFront(ApiHandler webApi, ApiHandler identity, ApiHandler fallback, String organizationUrl, int dopHint,
                     RequestCounters counters) {
        this.webApi = webApi;
        this.identity = identity;
        this.fallback = fallback;
        this.organizationUrl = organizationUrl;
        this.scheme = organizationUrl.substring(0, organizationUrl.indexOf("://"));
        this.dopHint = dopHint;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange ex) {
        counters.count(ex.getRequestMethod().toUpperCase(Locale.ROOT));
        try {
            IncomingRequest in = read(ex);
            boolean api = Router.isWebApi(in.path());
            ApiResponse response = api ? webApi.handle(in) : identity.handle(in);
            if (response == null) {
                response = fallback.handle(in);
            }
            if (response.isAborted()) {
                return; // closing without a response drops the connection
            }
            if (api) {
                response.header("OData-Version", "4.0").header("x-ms-dop-hint", Integer.toString(dopHint));
                ThreadLocalRandom r = ThreadLocalRandom.current();
                response.header("REQ_ID", new UUID(r.nextLong(), r.nextLong()).toString());
            }
            write(ex, response);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "sandbox response not delivered: " + e);
        } finally {
            ex.close();
        }
    }

    private IncomingRequest read(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        String origin = host == null || host.isBlank() ? organizationUrl : scheme + "://" + host;
        return new IncomingRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT), ex.getRequestURI().getPath(),
                ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body, origin, null);
    }

    private static void write(HttpExchange ex, ApiResponse response) throws IOException {
        Headers h = ex.getResponseHeaders();
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            h.put(e.getKey(), e.getValue());
        }
        byte[] body = response.body();
        ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
