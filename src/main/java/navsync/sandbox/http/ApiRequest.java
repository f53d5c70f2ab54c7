package navsync.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

import navsync.sandbox.odata.QueryOptions;
import navsync.sandbox.service.Precondition;

/** One Web API request: method, API version, resource path, query options, headers and body. */
final class ApiRequest {
    private final HttpExchange exchange;
    private final String method;
    private final String version;
    private final String resource;
    private final String serviceRoot;
    private final byte[] body;
    private QueryOptions query;
    private Preferences preferences;

    ApiRequest(HttpExchange exchange, String version, String resource, String organizationUrl) throws IOException {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        this.version = version;
        this.resource = resource;
        String host = exchange.getRequestHeaders().getFirst("Host");
        String org = host == null || host.isBlank() ? organizationUrl : "http://" + host;
        this.serviceRoot = org + "/api/data/" + version + "/";
        try (InputStream in = exchange.getRequestBody()) {
            this.body = in.readAllBytes();
        }
    }

    HttpExchange exchange() {
        return exchange;
    }

    String method() {
        return method;
    }

    /** {@code v9.0}, {@code v9.1} or {@code v9.2}, as requested. */
    String version() {
        return version;
    }

    /** The path after {@code /api/data/v9.x/}, decoded. */
    String resource() {
        return resource;
    }

    /** {@code http://host:port/api/data/v9.x/}: base of OData-EntityId, @odata.context and @odata.nextLink. */
    String serviceRoot() {
        return serviceRoot;
    }

    byte[] body() {
        return body;
    }

    QueryOptions query() {
        if (query == null) {
            query = QueryOptions.parse(exchange.getRequestURI().getRawQuery());
        }
        return query;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    Preferences preferences() {
        if (preferences == null) {
            preferences = Preferences.parse(exchange.getRequestHeaders().get("Prefer"));
        }
        return preferences;
    }

    /** If-Match / If-None-Match as a write precondition [COND]. {@code If-None-Match: null} means none [COMPOSE]. */
    Precondition precondition() {
        String ifMatch = header("If-Match");
        String ifNoneMatch = header("If-None-Match");
        boolean any = false;
        Set<String> etags = new HashSet<>();
        if (ifMatch != null && !ifMatch.isBlank()) {
            if (ifMatch.strip().equals("*")) {
                any = true;
            } else {
                for (String e : List.of(ifMatch.split(","))) {
                    etags.add(Precondition.opaque(e));
                }
            }
        }
        boolean noneAny = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
        return new Precondition(any, Set.copyOf(etags), noneAny);
    }
}
