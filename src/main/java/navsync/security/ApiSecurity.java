package navsync.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and roles on navsync's HTTP servers (REST API, status page, OpenAPI description; the
 * management port): a Vert.x handler placed before every route. By default reads (GET, HEAD) need a
 * viewer, everything else an operator; no or wrong credentials answer 401, too small a role 403, with
 * a JSON problem body.
 */
public final class ApiSecurity implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSecurity.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    public static final String API_KEY_HEADER = "X-API-Key";
    /** The {@code WWW-Authenticate} header of a 401. */
    public static final String CHALLENGE = "Basic realm=\"navsync\", charset=\"UTF-8\"";

    /** The role a request needs to do {@code action} ("POST", "Jolokia"), as named in a refusal. */
    public record Need(Role role, String action) {
    }

    /** Whether a request is allowed; if not, the status, title and detail of the answer. */
    public record Verdict(int status, String title, String detail) {
        public boolean allowed() {
            return status == 0;
        }
    }

    private static final Verdict ALLOWED = new Verdict(0, null, null);

    private final Credentials credentials;
    private final Function<HttpServerRequest, Need> needed;

    public ApiSecurity(Credentials credentials) {
        this(credentials, request -> byMethod(request.method().name()));
    }

    /** With the role each request needs decided by {@code needed}. */
    public ApiSecurity(Credentials credentials, Function<HttpServerRequest, Need> needed) {
        this.credentials = credentials;
        this.needed = needed;
    }

    /** A viewer reads (GET, HEAD), an operator does everything else. */
    public static Need byMethod(String method) {
        return new Need(READS.contains(HttpMethod.valueOf(method)) ? Role.viewer : Role.operator, method);
    }

    /**
     * Whether navsync needs authentication: {@code setting} true or false, or auto (the default): when
     * any of {@code hosts} (where navsync listens) is not a loopback address.
     */
    public static boolean required(String setting, String... hosts) {
        return switch (setting) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> !Arrays.stream(hosts).allMatch(ApiSecurity::isLoopback);
            default -> throw new IllegalArgumentException("configuration navsync.security.enabled must be auto, true or false, got '"
                    + setting + "'");
        };
    }

    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Verdict verdict = check(credentials, request.getHeader("Authorization"), request.getHeader(API_KEY_HEADER),
                needed.apply(request), request.method() + " " + request.path(), String.valueOf(request.remoteAddress()));
        if (verdict.allowed()) {
            context.next();
            return;
        }
        if (verdict.status() == 401) {
            context.response().putHeader("WWW-Authenticate", CHALLENGE);
        }
        context.response().setStatusCode(verdict.status()).putHeader("Content-Type", "application/problem+json")
                .end(problem(verdict.status(), verdict.title(), verdict.detail()));
    }

    /**
     * Whether the credentials of a request (its Authorization and X-API-Key headers) prove a caller with
     * the role {@code needed}; a wrong credential is logged with {@code what} and {@code from}.
     */
    public static Verdict check(Credentials credentials, String authorization, String apiKey, Need needed, String what,
                                String from) {
        Optional<Credentials.Caller> caller = credentials.authenticate(authorization, apiKey);
        if (caller.isEmpty()) {
            boolean tried = authorization != null || apiKey != null;
            if (tried) {
                LOG.warn("Rejected {} from {}: wrong credentials", what, from);
            }
            return new Verdict(401, "Unauthorized", tried ? "wrong credentials"
                    : "authentication required: HTTP basic (a user of navsync.security.users) or the header "
                    + API_KEY_HEADER + " (a key of navsync.security.api-keys)");
        }
        if (!caller.get().role().allows(needed.role())) {
            return new Verdict(403, "Forbidden", caller.get().name() + " is a " + caller.get().role() + "; "
                    + needed.action() + " needs the role " + needed.role());
        }
        return ALLOWED;
    }

    /** A JSON problem body ({@code application/problem+json}). */
    public static String problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
