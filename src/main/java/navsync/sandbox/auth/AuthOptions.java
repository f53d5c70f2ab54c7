package navsync.sandbox.auth;

import java.time.Duration;

/**
 * Authentication for the Web API: the one application registration that may get tokens (client credentials), the
 * tenant, and how long tokens live ({@code expires_in}; Entra's are about an hour [OAUTH], short values let tests see
 * expiry).
 */
public record AuthOptions(String tenant, String clientId, String clientSecret, Duration tokenLifetime,
                          java.security.cert.X509Certificate clientCertificate) {
    /** Entra ID answers {@code "expires_in":3599} [ENTRA]. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3599);

    public AuthOptions(String tenant, String clientId, String clientSecret, Duration tokenLifetime) {
        this(tenant, clientId, clientSecret, tokenLifetime, null);
    }

    public AuthOptions {
        if (tenant == null || tenant.isBlank() || clientId == null || clientId.isBlank() || clientSecret == null
                || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("authentication needs a tenant, a client id and a client secret");
        }
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive: " + tokenLifetime);
        }
    }

    public static AuthOptions of(String tenant, String clientId, String clientSecret) {
        return new AuthOptions(tenant, clientId, clientSecret, DEFAULT_LIFETIME);
    }

    public AuthOptions withTokenLifetime(Duration lifetime) {
        return new AuthOptions(tenant, clientId, clientSecret, lifetime, clientCertificate);
    }

    /**
     * Also accepts a client assertion (certificate credential [ENTRA]): a JWT signed RS256 with the private key of
     * this certificate, {@code iss} = {@code sub} = the client id, {@code aud} = the token endpoint.
     */
    public AuthOptions withClientCertificate(java.security.cert.X509Certificate certificate) {
        return new AuthOptions(tenant, clientId, clientSecret, tokenLifetime, certificate);
    }
}
