package navsync.app;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import navsync.sales.AccessTokens;
import navsync.sales.EntraIdTokens;
import navsync.sales.SalesConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How navsync signs in to Sales, from {@code navsync.sales.*}: MSAL client credentials (a client
 * secret or a PKCS#12 certificate) when a client id is configured, no token otherwise; and the trust
 * store both the Web API client and MSAL use when one is configured (a private CA, a proxy's
 * certificate, the sandbox's self-signed one), the JDK's otherwise.
 */
final class SalesSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SalesSignIn.class);
    static final String TLS_BEAN = "salesTls";

    private final AccessTokens tokens;
    private final String endpointOptions;

    SalesSignIn(Settings settings, CamelContext camel, SalesConnection connection) {
        SSLContext trust = null;
        Optional<String> trustStore = settings.optional("navsync.sales.trust-store");
        if (trustStore.isPresent()) {
            SSLContextParameters tls = trustStoreParameters(settings, trustStore.get());
            camel.getRegistry().bind(TLS_BEAN, tls);
            try {
                trust = tls.createSSLContext(camel);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("navsync.sales.trust-store " + trustStore.get()
                        + " cannot be read: " + e.getMessage(), e);
            }
            endpointOptions = "sslContextParameters=#" + TLS_BEAN;
        } else {
            endpointOptions = "";
        }
        Optional<String> clientId = settings.optional("navsync.sales.client-id");
        if (clientId.isEmpty()) {
            LOG.info("No navsync.sales.client-id: Web API requests carry no access token");
            tokens = AccessTokens.NONE;
            return;
        }
        String authority = settings.optional("navsync.sales.authority").orElseGet(() -> "https://login.microsoftonline.com/"
                + settings.optional("navsync.sales.tenant").orElseThrow(() -> new IllegalArgumentException(
                "navsync.sales.tenant (NAVSYNC_SALES_TENANT) must name the Entra ID tenant (its id or domain) "
                        + "when navsync.sales.client-id is set")));
        EntraIdTokens.AuthorityKind kind;
        String kindSetting = settings.text("navsync.sales.authority-kind", "entra");
        try {
            kind = EntraIdTokens.AuthorityKind.valueOf(kindSetting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("navsync.sales.authority-kind must be entra or oidc, got '" + kindSetting + "'");
        }
        tokens = new EntraIdTokens(clientId.get(), credential(settings), authority, kind, connection.organizationUrl(),
                trust == null ? null : trust.getSocketFactory());
        LOG.info("Signing in to Sales as application {} through {} ({})", clientId.get(), authority, kind);
    }

    AccessTokens accessTokens() {
        return tokens;
    }

    /** Extra camel-http endpoint options (the trust store), empty for none. */
    String endpointOptions() {
        return endpointOptions;
    }

    private static IClientCredential credential(Settings settings) {
        Optional<String> secret = settings.optional("navsync.sales.client-secret");
        Optional<String> certificate = settings.optional("navsync.sales.client-certificate");
        if (secret.isPresent() == certificate.isPresent()) {
            throw new IllegalArgumentException("set exactly one of navsync.sales.client-secret (NAVSYNC_SALES_CLIENT_SECRET) "
                    + "and navsync.sales.client-certificate (a PKCS#12 file) when navsync.sales.client-id is set");
        }
        if (secret.isPresent()) {
            return ClientCredentialFactory.createFromSecret(secret.get());
        }
        Path file = Path.of(certificate.get());
        try (InputStream in = Files.newInputStream(file)) {
            return ClientCredentialFactory.createFromCertificate(in,
                    settings.optional("navsync.sales.client-certificate-password").orElse(""));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("navsync.sales.client-certificate " + file.toAbsolutePath()
                    + " is not a readable PKCS#12 file with a private key and its certificate: " + e.getMessage(), e);
        }
    }

    private static SSLContextParameters trustStoreParameters(Settings settings, String file) {
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalArgumentException("navsync.sales.trust-store " + Path.of(file).toAbsolutePath()
                    + " does not exist or cannot be read");
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + Path.of(file).toAbsolutePath());
        store.setType(settings.text("navsync.sales.trust-store-type", "PKCS12"));
        settings.optional("navsync.sales.trust-store-password").ifPresent(store::setPassword);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        return tls;
    }
}
