package navsync.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.json.Json;

/**
 * Issues and checks access tokens. They are JWT-shaped like Entra ID's v1 tokens that Dataverse accepts (header,
 * claims {@code aud} = the organization URL, {@code iss}, {@code appid}, {@code tid}, {@code oid}, {@code iat},
 * {@code nbf}, {@code exp}), signed with HS256 under a key made at start, so only this sandbox's tokens pass and a
 * client can still read the expiry. Real tokens are RS256-signed by Entra (inference: clients treat tokens as opaque).
 */
public final class TokenService {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final AuthOptions options;
    private final String audience;
    private final UUID applicationUserObjectId;
    private final Clock clock;
    private final byte[] key = new byte[32];

    /** How a presented token fared. */
    public enum Verdict { VALID, MISSING, INVALID, EXPIRED }

    public TokenService(AuthOptions options, String organizationUrl, UUID applicationUserObjectId, Clock clock) {
        this.options = options;
        this.audience = organizationUrl;
        this.applicationUserObjectId = applicationUserObjectId;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public AuthOptions options() {
        return options;
    }

    /** A token for the configured client and the organization, valid for {@code tokenLifetime}. */
    public String issue() {
        return issue(audience);
    }

    /** A token whose audience is {@code resource}: the organization URL as the client wrote it. */
    public String issue(String resource) {
        Instant now = clock.instant();
        ObjectNode claims = Json.MAPPER.createObjectNode()
                .put("aud", resource)
                .put("iss", "https://sts.windows.net/" + options.tenant() + "/")
                .put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond())
                .put("exp", now.plus(options.tokenLifetime()).getEpochSecond())
                .put("appid", options.clientId())
                .put("oid", applicationUserObjectId.toString())
                .put("sub", applicationUserObjectId.toString())
                .put("tid", options.tenant())
                .put("ver", "1.0");
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + "." + B64.encodeToString(sign(header + "." + body));
    }

    /**
     * Judges the {@code Authorization} header value of a request that reached the sandbox as {@code origin}: the
     * token's audience must be the organization URL or that origin.
     */
    public Verdict check(String authorization, String origin) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.INVALID;
        }
        String[] parts = authorization.substring(7).strip().split("\\.");
        if (parts.length != 3) {
            return Verdict.INVALID;
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return Verdict.INVALID;
            }
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String aud = claims.path("aud").asText();
            if (!aud.equalsIgnoreCase(audience) && !aud.equalsIgnoreCase(origin)) {
                return Verdict.INVALID;
            }
            return clock.instant().getEpochSecond() >= claims.path("exp").asLong() ? Verdict.EXPIRED : Verdict.VALID;
        } catch (Exception e) {
            return Verdict.INVALID;
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
