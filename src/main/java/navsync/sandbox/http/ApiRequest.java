package navsync.sandbox.http;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import navsync.sandbox.odata.QueryOptions;
import navsync.sandbox.service.Precondition;

/** One Web API request after routing: the API version and resource path, with query options and headers parsed. */
final class ApiRequest {
    private final IncomingRequest in;
    private final String method;
    private final String version;
    private final String resource;
    private final String serviceRoot;
    private QueryOptions query;
    private Preferences preferences;

    ApiRequest(IncomingRequest in, String version, String resource) {
        this.in = in;
        this.method = in.method().toUpperCase(Locale.ROOT);
        this.version = version;
        this.resource = resource;
        this.serviceRoot = in.origin() + "/api/data/" + version + "/";
    }

    IncomingRequest incoming() {
        return in;
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
        return in.body();
    }

    QueryOptions query() {
        if (query == null) {
            query = QueryOptions.parse(in.rawQuery());
        }
        return query;
    }

    String header(String name) {
        return in.header(name);
    }

    Preferences preferences() {
        if (preferences == null) {
            preferences = Preferences.parse(in.headers().get("Prefer"));
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
