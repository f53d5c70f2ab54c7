package navsync.sandbox.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed TLS certificate made at start (EC P-256, ECDSA with SHA-256, valid 30 days) for {@code localhost},
 * the loopback addresses and the names given, so that the sandbox can serve HTTPS: MSAL for Java refuses an authority
 * that isn't {@code https}. The JDK has no public API to build certificates, so the X.509 structure is DER-encoded
 * here. EC rather than RSA because a cold JVM needs seconds for an RSA key and milliseconds for an EC one; the key
 * store is JKS because PKCS12 spends seconds deriving the key's password-based encryption.
 */
public final class SelfSignedCertificate {
    private static final byte[] ECDSA_WITH_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 4, 3, 2};
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11};
    private static final char[] PASSWORD = "sandbox".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** @param hosts extra DNS names or IP addresses to put in the subject alternative names */
    public static SelfSignedCertificate generate(List<String> hosts) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = gen.generateKeyPair();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] tbs = seq(
                    tag(0xa0, integer(BigInteger.TWO)),
                    integer(new BigInteger(64, new SecureRandom())),
                    algorithm(),
                    name("navsync Sales sandbox"),
                    seq(time(now.minus(1, ChronoUnit.DAYS)), time(now.plus(30, ChronoUnit.DAYS))),
                    name("navsync Sales sandbox"),
                    keys.getPublic().getEncoded(),
                    tag(0xa3, seq(seq(oid(SUBJECT_ALT_NAME), tag(0x04, alternativeNames(hosts))))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1]; // leading byte: no unused bits
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = seq(tbs, algorithm(), tag(0x03, bits));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SelfSignedCertificate(keys, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the sandbox's TLS certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** PEM text, for {@code curl --cacert} or a Java trust store. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server side: presents this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore ks = KeyStore.getInstance("JKS");
            ks.load(null, null);
            ks.setKeyEntry("sandbox", keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the sandbox's TLS", e);
        }
    }

    /** A client side that trusts this certificate (and nothing else), e.g. for MSAL's {@code sslSocketFactory}. */
    public SSLContext clientContext() {
        try {
            KeyStore ts = KeyStore.getInstance("JKS");
            ts.load(null, null);
            ts.setCertificateEntry("sandbox", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up a client trusting the sandbox", e);
        }
    }

    /* ---- DER ---- */

    private static byte[] alternativeNames(List<String> hosts) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        Set<String> all = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        all.addAll(hosts);
        for (String h : all) {
            byte[] encoded;
            if (isAddress(h)) {
                try {
                    encoded = tag(0x87, InetAddress.getByName(h).getAddress()); // iPAddress
                } catch (UnknownHostException e) {
                    continue;
                }
            } else {
                encoded = tag(0x82, h.getBytes(StandardCharsets.US_ASCII)); // dNSName
            }
            names.writeBytes(encoded);
        }
        return tag(0x30, names.toByteArray());
    }

    private static boolean isAddress(String h) {
        return h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static byte[] algorithm() {
        return seq(oid(ECDSA_WITH_SHA256)); // ECDSA identifiers have no parameters (RFC 5758)
    }

    private static byte[] name(String commonName) {
        byte[] atv = seq(oid(COMMON_NAME), tag(0x0c, commonName.getBytes(StandardCharsets.UTF_8)));
        return seq(tag(0x31, atv));
    }

    private static byte[] time(Instant t) {
        String s = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(t);
        return tag(0x17, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger i) {
        return tag(0x02, i.toByteArray());
    }

    private static byte[] oid(byte[] encoded) {
        return tag(0x06, encoded);
    }

    private static byte[] seq(byte[]... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] i : items) {
            out.writeBytes(i);
        }
        return tag(0x30, out.toByteArray());
    }

    private static byte[] tag(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : 3;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
