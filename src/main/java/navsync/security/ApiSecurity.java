package navsync.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and roles on navsync's HTTP server (REST API, status page, OpenAPI description): a
 * Vert.x handler placed before every route. Reads (GET, HEAD) need a viewer, everything else an
 * operator; no or wrong credentials answer 401, too small a role 403, with a JSON problem body.
 */
public final class ApiSecurity implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSecurity.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    public static final String API_KEY_HEADER = "X-API-Key";

    private final Credentials credentials;

    public ApiSecurity(Credentials credentials) {
        this.credentials = credentials;
    }

    /**
     * Whether the API needs authentication: {@code setting} true or false, or auto (the default): when
     * navsync listens on anything but a loopback address.
     */
    public static boolean required(String setting, String host) {
        return switch (setting) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> !isLoopback(host);
            default -> throw new IllegalArgumentException("configuration navsync.security.enabled must be auto, true or false, got '"
                    + setting + "'");
        };
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void handle(RoutingContext context) {
        Optional<Credentials.Caller> caller = credentials.authenticate(context.request().getHeader("Authorization"),
                context.request().getHeader(API_KEY_HEADER));
        if (caller.isEmpty()) {
            boolean tried = context.request().getHeader("Authorization") != null
                    || context.request().getHeader(API_KEY_HEADER) != null;
            if (tried) {
                LOG.warn("Rejected {} {} from {}: wrong credentials", context.request().method(), context.request().path(),
                        context.request().remoteAddress());
            }
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"navsync\", charset=\"UTF-8\"");
            problem(context, 401, "Unauthorized", tried ? "wrong credentials"
                    : "authentication required: HTTP basic (a user of navsync.security.users) or the header "
                    + API_KEY_HEADER + " (a key of navsync.security.api-keys)");
            return;
        }
        Role needed = READS.contains(context.request().method()) ? Role.viewer : Role.operator;
        if (!caller.get().role().allows(needed)) {
            problem(context, 403, "Forbidden", caller.get().name() + " is a " + caller.get().role() + "; "
                    + context.request().method() + " needs the role " + needed);
            return;
        }
        context.next();
    }

    private static void problem(RoutingContext context, int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
