package navsync.sales;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from Microsoft Entra ID with MSAL for Java, client credentials flow (a client secret
 * or a certificate), for the scope {@code <organization URL>/.default}. A token is kept and reused
 * until a quarter of its lifetime (at most five minutes) is left, then renewed; a token the service
 * refuses is dropped and the next call gets a new one from the token endpoint.
 */
public final class EntraIdTokens implements AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(EntraIdTokens.class);
    private static final Duration MAX_RENEWAL_MARGIN = Duration.ofMinutes(5);

    /** How the authority is named: Entra ID's ({@code https://login.microsoftonline.com/<tenant>}) or any OpenID Connect issuer. */
    public enum AuthorityKind { entra, oidc }

    private final ConfidentialClientApplication application;
    private final Set<String> scopes;
    private final AtomicLong acquired = new AtomicLong();
    private Held held; // guarded by this

    private record Held(String token, Instant renewAt) {
    }

    public EntraIdTokens(String clientId, IClientCredential credential, String authority, AuthorityKind kind,
                         String organizationUrl, SSLSocketFactory sslSocketFactory) {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(clientId, credential);
            if (kind == AuthorityKind.oidc) {
                builder.oidcAuthority(authority);
            } else {
                builder.authority(authority);
            }
            if (sslSocketFactory != null) {
                builder.sslSocketFactory(sslSocketFactory);
            }
            this.application = builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("navsync.sales.authority '" + authority + "' is not a valid "
                    + kind + " authority: " + e.getMessage(), e);
        }
        // "With client credentials flows the scope is ALWAYS of the shape resource/.default"
        this.scopes = Set.of(organizationUrl + "/.default");
    }

    @Override
    public synchronized Optional<String> bearerToken() {
        if (held == null || !Instant.now().isBefore(held.renewAt())) {
            held = acquire(held != null);
        }
        return Optional.of(held.token());
    }

    @Override
    public synchronized void rejected(String token) {
        if (held != null && held.token().equals(token)) {
            LOG.info("The Web API refused the access token; getting a new one");
            held = acquire(true);
        }
    }

    /** Tokens fetched so far (first one and renewals). */
    public long tokensAcquired() {
        return acquired.get();
    }

    private Held acquire(boolean renewal) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes)
                .skipCache(renewal) // MSAL's cache could hand back the token being renewed
                .build();
        IAuthenticationResult result;
        try {
            result = application.acquireToken(parameters).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SalesException(new SalesError(401, "", "cannot get an access token from " + application.authority()
                    + " for " + scopes + ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting an access token", e);
        }
        acquired.incrementAndGet();
        Instant now = Instant.now();
        Instant expires = result.expiresOnDate().toInstant();
        Duration lifetime = Duration.between(now, expires);
        Duration margin = lifetime.dividedBy(4);
        if (margin.compareTo(MAX_RENEWAL_MARGIN) > 0) {
            margin = MAX_RENEWAL_MARGIN;
        }
        LOG.debug("Access token for {} valid until {}", scopes, expires);
        return new Held(result.accessToken(), expires.minus(margin));
    }
}
