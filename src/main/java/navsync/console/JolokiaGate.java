package navsync.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.ObjectName;
import navsync.security.BrowserOrigin;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;
import org.jolokia.json.parser.JSONParser;
import org.jolokia.json.parser.ParseException;
import org.jolokia.server.core.request.BadRequestException;
import org.jolokia.server.core.request.JolokiaExecRequest;
import org.jolokia.server.core.request.JolokiaObjectNameRequest;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.request.JolokiaRequestFactory;
import org.jolokia.server.core.request.JolokiaWriteRequest;
import org.jolokia.server.core.request.ProcessingParameters;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.api.Restrictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of Jolokia on the management port: applies Jolokia's own access policy
 * ({@code jolokia-access.xml}) to the operations, writes and commands of each request before Jolokia
 * runs it, and answers a refused one with HTTP 403 (behind camel-platform-http-jolokia, Jolokia answers
 * a refused operation inside a 200, and a refused caller or origin with a 500). It also refuses
 * callers from other machines, pages of other sites and, without authentication, Host names other
 * than loopback. Jolokia still applies the policy itself, and filters reads.
 */
public final class JolokiaGate implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where camel-platform-http-jolokia reads its policy (Jolokia's default policy location). */
    static final String POLICY = "classpath:/jolokia-access.xml";

    private final Restrictor policy;
    private final String path;
    private final boolean authenticated;

    /** For Jolokia at {@code path} (e.g. /observe/jolokia); {@code authenticated}: callers have signed in. */
    public JolokiaGate(String path, boolean authenticated) {
        try {
            this.policy = RestrictorFactory.lookupPolicyRestrictor(POLICY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Jolokia's access policy " + POLICY + ": " + e.getMessage(), e);
        }
        if (policy == null) {
            throw new IllegalStateException("Jolokia's access policy " + POLICY + " is not on the classpath");
        }
        this.path = path;
        this.authenticated = authenticated;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<String> refusal = refusal(request, context);
        if (refusal.isPresent()) {
            LOG.warn("Refused Jolokia request {} {} from {}: {}", request.method(), request.path(),
                    request.remoteAddress(), refusal.get());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 403);
            body.put("error_type", SecurityException.class.getName());
            body.put("error", refusal.get());
            try {
                context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                        .end(JSON.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        context.next();
    }

    private Optional<String> refusal(HttpServerRequest request, RoutingContext context) {
        String remote = request.remoteAddress().host();
        if (!policy.isRemoteAccessAllowed(remote)) {
            return Optional.of("Jolokia answers callers on this machine only (the Hawtio console, an SSH tunnel), not "
                    + remote);
        }
        String origin = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        Optional<String> foreign = BrowserOrigin.refusal(origin, referer, host(request), authenticated);
        if (foreign.isPresent()) {
            return foreign;
        }
        String page = origin != null ? origin : referer != null ? referer : "";
        if (!policy.isOriginAllowed(page.replaceAll("[\\r\\n]", ""), true)) {
            return Optional.of("a page of " + page + " may not call Jolokia");
        }
        List<JolokiaRequest> requests;
        try {
            requests = parse(request, context);
        } catch (BadRequestException | ParseException | IOException | RuntimeException e) {
            return Optional.of("not a Jolokia request navsync can check: " + e.getMessage());
        }
        for (JolokiaRequest one : requests) {
            Optional<String> denied = denial(one);
            if (denied.isPresent()) {
                return denied;
            }
        }
        return Optional.empty();
    }

    /** The Host header (HTTP/1.1) or the :authority (HTTP/2, which Java's HttpClient upgrades to). */
    private static String host(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String host = authority.host().contains(":") && !authority.host().startsWith("[") ? "[" + authority.host() + "]"
                : authority.host();
        return authority.port() >= 0 ? host + ":" + authority.port() : host;
    }

    /** The request(s) as Jolokia reads them: from the path of a GET, from the JSON body of a POST. */
    private List<JolokiaRequest> parse(HttpServerRequest request, RoutingContext context)
            throws BadRequestException, ParseException, IOException {
        ProcessingParameters parameters = new ProcessingParameters(Map.of());
        if (request.method() == HttpMethod.GET) {
            String inPath = request.getParam("p");
            String pathInfo = inPath != null ? inPath : request.path().substring(Math.min(path.length(), request.path().length()));
            return List.of(JolokiaRequestFactory.createGetRequest(pathInfo, parameters));
        }
        Object body = new JSONParser().parse(context.body() == null ? "" : context.body().asString());
        if (body instanceof JSONArray bulk) {
            return JolokiaRequestFactory.createPostRequests(bulk, parameters);
        }
        if (body instanceof JSONObject single) {
            return List.of(JolokiaRequestFactory.createPostRequest(single, parameters));
        }
        throw new BadRequestException("the body is neither a JSON object nor an array");
    }

    /** Why the policy refuses one request. */
    private Optional<String> denial(JolokiaRequest request) {
        boolean allowed = switch (request.getType()) {
            case EXEC -> {
                JolokiaExecRequest exec = (JolokiaExecRequest) request;
                yield allowedName(exec.getObjectName()) && policy.isOperationAllowed(exec.getObjectName(), exec.getOperation());
            }
            case WRITE -> {
                JolokiaWriteRequest write = (JolokiaWriteRequest) request;
                yield allowedName(write.getObjectName())
                        && policy.isAttributeWriteAllowed(write.getObjectName(), write.getAttributeName());
            }
            // Jolokia answers a refused read itself (one answer per request, so a console's bulk read goes on)
            case READ -> true;
            default -> policy.isTypeAllowed(request.getType());
        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(switch (request.getType()) {
            case EXEC -> "operation " + ((JolokiaExecRequest) request).getOperation() + " of "
                    + ((JolokiaExecRequest) request).getObjectNameAsString() + " is not allowed (jolokia-access.xml)";
            case WRITE -> request.getType().getName() + " of "
                    + ((JolokiaObjectNameRequest) request).getObjectNameAsString() + " is not allowed (jolokia-access.xml)";
            default -> "the command " + request.getType().getName() + " is not allowed (jolokia-access.xml)";
        });
    }

    /** An operation or a write names one MBean, never a pattern. */
    private static boolean allowedName(ObjectName name) {
        return name != null && !name.isPattern();
    }
}
