package navsync.sandbox.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.http.ApiHandler;
import navsync.sandbox.http.ApiResponse;
import navsync.sandbox.http.IncomingRequest;
import navsync.sandbox.json.Json;

/**
 * A stand-in for Microsoft Entra ID's client-credentials flow [ENTRA], served by the sandbox itself:
 * <ul>
 * <li>{@code POST /{tenant}/oauth2/v2.0/token} with {@code grant_type=client_credentials}, {@code client_id},
 * {@code client_secret} (or HTTP Basic) and {@code scope=<organization URL>/.default} (MSAL adds
 * {@code openid profile offline_access}, which are accepted) answers
 * {@code {"token_type":"Bearer","expires_in":...,"access_token":...}};</li>
 * <li>{@code GET /{tenant}/v2.0/.well-known/openid-configuration} (what MSAL's {@code oidcAuthority} reads) and
 * {@code GET /common/discovery/instance} (AAD instance discovery) describe it.</li>
 * </ul>
 * Errors use Entra's body {@code {"error","error_description":"AADSTSnnnn: ...","error_codes":[n],...}} [ENTRA]; only
 * invalid_scope (AADSTS70011) is documented in the reference, the other codes are Entra's as remembered (inference).
 * Returns null for any other path.
 */
public final class IdentityEndpoint implements ApiHandler {
    private static final Pattern TOKEN = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token/?");
    private static final Pattern OPENID = Pattern.compile("/([^/]+)(/v2\\.0)?/\\.well-known/openid-configuration/?");

    private final TokenService tokens;
    private final String organizationUrl;

    public IdentityEndpoint(TokenService tokens, String organizationUrl) {
        this.tokens = tokens;
        this.organizationUrl = organizationUrl;
    }

    @Override
    public ApiResponse handle(IncomingRequest in) {
        Matcher token = TOKEN.matcher(in.path());
        if (token.matches()) {
            ApiResponse r = in.method().equals("POST") ? token(in, token.group(1))
                    : error(405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
            String requestId = in.header("client-request-id");
            return requestId == null ? r : r.header("client-request-id", requestId);
        }
        Matcher openid = OPENID.matcher(in.path());
        if (openid.matches() && in.method().equals("GET")) {
            return openIdConfiguration(in, openid.group(1));
        }
        if (in.path().equals("/common/discovery/instance") && in.method().equals("GET")) {
            return instanceDiscovery(in);
        }
        return null;
    }

    private ApiResponse token(IncomingRequest in, String tenant) {
        AuthOptions o = tokens.options();
        if (!tenant.equalsIgnoreCase(o.tenant())) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found.");
        }
        Map<String, String> form = form(new String(in.body(), StandardCharsets.UTF_8));
        basicCredentials(in.header("Authorization"), form);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + form.get("grant_type") + "'.");
        }
        String clientId = form.get("client_id");
        if (clientId == null || !clientId.equalsIgnoreCase(o.clientId())) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'.");
        }
        String assertion = form.get("client_assertion");
        if (assertion != null) {
            ApiResponse refused = checkAssertion(assertion, form.get("client_assertion_type"),
                    in.origin() + "/" + tenant + "/oauth2/v2.0/token", o);
            if (refused != null) {
                return refused;
            }
        } else if (!o.clientSecret().equals(form.get("client_secret"))) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being "
                    + "sent in the request is the client secret value, not the client secret ID, for a secret added "
                    + "to app '" + o.clientId() + "'.");
        }
        String scope = form.getOrDefault("scope", "");
        String resource = resource(scope, in.origin());
        if (resource == null) {
            return error(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not "
                    + "valid. The scope " + scope + " is not valid.");
        }
        long seconds = o.tokenLifetime().toSeconds();
        ObjectNode body = Json.MAPPER.createObjectNode().put("token_type", "Bearer").put("expires_in", seconds)
                .put("ext_expires_in", seconds).put("access_token", tokens.issue(resource));
        return json(200, body).header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
    }

    /**
     * Checks a certificate credential [ENTRA]: type jwt-bearer, a JWT signed RS256 by the registered certificate's key,
     * {@code iss} = {@code sub} = the client id, {@code aud} = this token endpoint, not expired. Returns the error
     * response, or null when it passes. The AADSTS codes other than the documented ones are Entra's as remembered
     * (inference).
     */
    private static ApiResponse checkAssertion(String assertion, String type, String tokenEndpoint, AuthOptions o) {
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(type)) {
            return error(400, "invalid_request", 700025, "client_assertion_type '" + type + "' is not supported.");
        }
        if (o.clientCertificate() == null) {
            return error(401, "invalid_client", 700027, "Client assertion failed signature validation. "
                    + "No certificate is registered for app '" + o.clientId() + "'.");
        }
        String[] parts = assertion.split("\\.");
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a JWT");
            }
            java.util.Base64.Decoder b64 = java.util.Base64.getUrlDecoder();
            com.fasterxml.jackson.databind.JsonNode header = Json.MAPPER.readTree(b64.decode(parts[0]));
            com.fasterxml.jackson.databind.JsonNode claims = Json.MAPPER.readTree(b64.decode(parts[1]));
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initVerify(o.clientCertificate().getPublicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!"RS256".equals(header.path("alg").asText()) || !rsa.verify(b64.decode(parts[2]))) {
                return error(401, "invalid_client", 700027, "Client assertion failed signature validation.");
            }
            if (!o.clientId().equalsIgnoreCase(claims.path("iss").asText())
                    || !o.clientId().equalsIgnoreCase(claims.path("sub").asText())) {
                return error(401, "invalid_client", 700021, "Client assertion application identifier doesn't match "
                        + "'client_id' parameter.");
            }
            if (!tokenEndpoint.equalsIgnoreCase(claims.path("aud").asText())) {
                return error(401, "invalid_client", 700026, "Client assertion audience claim does not match Realm "
                        + "issuer: " + claims.path("aud").asText());
            }
            if (Instant.now().getEpochSecond() >= claims.path("exp").asLong()) {
                return error(401, "invalid_client", 700024, "Client assertion is not within its valid time range.");
            }
            return null;
        } catch (java.io.IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            return error(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
        }
    }

    /**
     * The resource of exactly one {@code <organization URL>/.default} ("ALWAYS of the shape resource/.default"
     * [MSAL4J]); null when the scope is not valid. The organization URL may also be written with the host name the
     * client used to reach the sandbox (e.g. {@code localhost} for {@code 127.0.0.1}).
     */
    private String resource(String scope, String origin) {
        String found = null;
        for (String s : scope.split("\\s+")) {
            switch (s) {
                case "", "openid", "profile", "offline_access" -> {
                }
                default -> {
                    if (!s.endsWith("/.default") || found != null) {
                        return null;
                    }
                    String resource = s.substring(0, s.length() - "/.default".length());
                    while (resource.endsWith("/")) {
                        resource = resource.substring(0, resource.length() - 1);
                    }
                    if (!resource.equalsIgnoreCase(organizationUrl) && !resource.equalsIgnoreCase(origin)) {
                        return null;
                    }
                    found = resource.toLowerCase(Locale.ROOT);
                }
            }
        }
        return found;
    }

    private ApiResponse openIdConfiguration(IncomingRequest in, String tenant) {
        String base = in.origin() + "/" + tenant;
        ObjectNode doc = Json.MAPPER.createObjectNode()
                .put("token_endpoint", base + "/oauth2/v2.0/token")
                .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
                .put("issuer", base + "/v2.0")
                .put("jwks_uri", base + "/discovery/v2.0/keys")
                .put("tenant_region_scope", "EU");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("client_secret_basic");
        doc.putArray("response_types_supported").add("code").add("token");
        doc.putArray("scopes_supported").add("openid").add("profile").add("offline_access");
        doc.putArray("grant_types_supported").add("client_credentials");
        return json(200, doc);
    }

    private ApiResponse instanceDiscovery(IncomingRequest in) {
        String host = in.origin().substring(in.origin().indexOf("://") + 3);
        ObjectNode doc = Json.MAPPER.createObjectNode()
                .put("tenant_discovery_endpoint", in.origin() + "/" + tokens.options().tenant()
                        + "/v2.0/.well-known/openid-configuration")
                .put("api-version", "1.1");
        ObjectNode entry = doc.putArray("metadata").addObject().put("preferred_network", host).put("preferred_cache", host);
        entry.putArray("aliases").add(host);
        return json(200, doc);
    }

    private static ApiResponse error(int status, String error, int code, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", error)
                .put("error_description", "AADSTS" + code + ": " + description)
                .put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' '))
                .put("trace_id", UUID.randomUUID().toString())
                .put("correlation_id", UUID.randomUUID().toString());
        body.putArray("error_codes").add(code);
        return json(status, body);
    }

    private static ApiResponse json(int status, ObjectNode body) {
        return ApiResponse.of(status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** HTTP Basic client authentication is also accepted [ENTRA]. */
    private static void basicCredentials(String authorization, Map<String, String> form) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
            form.putIfAbsent("client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
            form.putIfAbsent("client_secret", URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        }
    }
}
