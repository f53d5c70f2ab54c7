package navsync.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import navsync.sandbox.auth.AuthOptions;
import navsync.sandbox.limits.FaultOptions;
import navsync.sandbox.limits.LatencyOptions;
import navsync.sandbox.limits.ProtectionLimits;
import navsync.sandbox.schema.KeyDefinition;

/**
 * The standalone sandbox: parses the command line into {@link SandboxOptions}, starts the sandbox with the demo data
 * and serves until Ctrl+C. {@code --help} lists the options (also in {@code docs/sandbox.md}).
 */
public final class SandboxCommand {
    static final String USAGE = """
            usage: SalesSandbox [options]
              --port N                  port (default 8181; 0 = any free port)
              --host H                  interface to bind (default 127.0.0.1; 0.0.0.0 = all)
              --threads N               request threads, also the x-ms-dop-hint (default 8)
              --no-demo                 start without the demo rows (salespeople, currencies, accounts)
              --data-file FILE          load rows from FILE if it exists, save them there (every 5 s and at exit)
              --alternate-key T:C[,C]   define an alternate key, e.g. account:accountnumber (repeatable)
              --change-tracking-days N  delta tokens expire after N days (default 7)
              --tls                     serve HTTPS with a self-signed certificate made at start
              --tls-cert FILE           write that certificate (PEM) to FILE, for curl --cacert or a trust store
              --tenant T                tenant of the token endpoint (default: sandbox)
              --client-id ID            require bearer tokens; the client id allowed to get them
              --client-secret S         its secret (or environment variable SANDBOX_CLIENT_SECRET)
              --token-lifetime SECONDS  expires_in of issued tokens (default 3599)
              --protection              service protection with Dataverse's limits (6000 requests / 20 min
                                        execution per 300 s, 52 concurrent)
              --max-requests N --max-execution-seconds N --max-concurrent N --window-seconds N
                                        service protection with these limits (unset ones: Dataverse's)
              --fault-seed N            seed of fault injection (default 1)
              --fault-429 R --fault-500 R --fault-503 R --fault-hang R
                                        fraction (0..1) of requests failing that way
              --hang-seconds N          how long a hanging request hangs before the connection drops (default 30)
              --latency-request-ms N    added latency per request
              --latency-record-ms N     added latency per record read or written
              --help                    this text""";

    private SandboxCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        Path certFile;
        try {
            Parsed parsed = parse(args);
            if (parsed == null) {
                System.out.println(USAGE);
                return;
            }
            options = parsed.options();
            certFile = parsed.certFile();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SalesSandbox sandbox = SalesSandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sales-sandbox-shutdown"));
        if (certFile != null) {
            try {
                Files.writeString(certFile, sandbox.certificatePem().orElseThrow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        describe(sandbox, options, certFile, System.out);
        stopped.await();
    }

    /** The options and the certificate file; null for {@code --help}. */
    record Parsed(SandboxOptions options, Path certFile) {
    }

    static Parsed parse(String[] args) {
        SandboxOptions o = SandboxOptions.defaults().withPort(8181).withDemoData(true);
        Path certFile = null;
        String tenant = "sandbox";
        String clientId = null;
        String secret = System.getenv("SANDBOX_CLIENT_SECRET");
        Duration lifetime = AuthOptions.DEFAULT_LIFETIME;
        ProtectionLimits limits = null;
        FaultOptions faults = FaultOptions.seeded(1);
        boolean anyFault = false;
        Duration perRequest = Duration.ZERO;
        Duration perRecord = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--no-demo" -> o = o.withDemoData(false);
                case "--tls" -> o = o.withTls(true);
                case "--protection" -> limits = limits == null ? ProtectionLimits.dataverse() : limits;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + a);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--port" -> o = o.withPort(integer(a, v));
                        case "--host" -> o = o.withHost(v);
                        case "--threads" -> o = o.withThreads(integer(a, v));
                        case "--data-file" -> o = o.withDataFile(Path.of(v));
                        case "--alternate-key" -> o = o.withAlternateKey(KeyDefinition.parse(v));
                        case "--change-tracking-days" -> o = o.withChangeTrackingExpiryDays(integer(a, v));
                        case "--tls-cert" -> {
                            certFile = Path.of(v);
                            o = o.withTls(true);
                        }
                        case "--tenant" -> tenant = v;
                        case "--client-id" -> clientId = v;
                        case "--client-secret" -> secret = v;
                        case "--token-lifetime" -> lifetime = Duration.ofSeconds(integer(a, v));
                        case "--max-requests", "--max-execution-seconds", "--max-concurrent", "--window-seconds" ->
                                limits = limit(limits == null ? ProtectionLimits.dataverse() : limits, a, integer(a, v));
                        case "--fault-seed" -> faults = new FaultOptions(Long.parseLong(v), faults.tooManyRequests(),
                                faults.serverError(), faults.unavailable(), faults.hang(), faults.hangFor());
                        case "--fault-429" -> faults = faults.withTooManyRequests(rate(a, v));
                        case "--fault-500" -> faults = faults.withServerError(rate(a, v));
                        case "--fault-503" -> faults = faults.withUnavailable(rate(a, v));
                        case "--fault-hang" -> faults = faults.withHang(rate(a, v), faults.hangFor());
                        case "--hang-seconds" -> faults = faults.withHang(faults.hang(), Duration.ofSeconds(integer(a, v)));
                        case "--latency-request-ms" -> perRequest = Duration.ofMillis(integer(a, v));
                        case "--latency-record-ms" -> perRecord = Duration.ofMillis(integer(a, v));
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                    anyFault |= a.startsWith("--fault-") && !a.equals("--fault-seed");
                }
            }
        }
        if (clientId != null) {
            if (secret == null) {
                throw new IllegalArgumentException("--client-id needs --client-secret (or SANDBOX_CLIENT_SECRET)");
            }
            o = o.withAuth(new AuthOptions(tenant, clientId, secret, lifetime));
        }
        if (limits != null) {
            o = o.withProtection(limits);
        }
        if (anyFault) {
            o = o.withFaults(faults);
        }
        if (!perRequest.isZero() || !perRecord.isZero()) {
            o = o.withLatency(new LatencyOptions(perRequest, perRecord));
        }
        return new Parsed(o, certFile);
    }

    private static ProtectionLimits limit(ProtectionLimits l, String option, int value) {
        return switch (option) {
            case "--max-requests" -> new ProtectionLimits(value, l.maxExecutionTime(), l.maxConcurrent(), l.window());
            case "--max-execution-seconds" -> new ProtectionLimits(l.maxRequests(), Duration.ofSeconds(value),
                    l.maxConcurrent(), l.window());
            case "--max-concurrent" -> new ProtectionLimits(l.maxRequests(), l.maxExecutionTime(), value, l.window());
            default -> new ProtectionLimits(l.maxRequests(), l.maxExecutionTime(), l.maxConcurrent(),
                    Duration.ofSeconds(value));
        };
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value);
        }
    }

    private static double rate(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number 0..1: " + value);
        }
    }

    static void describe(SalesSandbox sandbox, SandboxOptions o, Path certFile, PrintStream out) {
        out.println(sandbox.organizationUrl());
        out.println("Sales sandbox (Dataverse Web API emulator) listening; Web API root " + sandbox.webApiUrl());
        out.println("  data: " + (o.demoData() ? "demo organization" : "seed rows only")
                + (o.dataFile() == null ? ", in memory" : ", saved to " + o.dataFile().toAbsolutePath()));
        sandbox.authority().ifPresent(a -> out.println("  auth: client credentials for client id "
                + o.auth().clientId() + "; authority " + a + ", token endpoint " + sandbox.tokenEndpoint().orElseThrow()
                + ", scope " + sandbox.organizationUrl() + "/.default"));
        if (o.tls()) {
            out.println("  tls: self-signed certificate" + (certFile == null ? " (--tls-cert FILE writes it)"
                    : " written to " + certFile.toAbsolutePath()));
        }
        if (o.protection() != null) {
            out.println("  service protection: " + o.protection());
        }
        if (o.faults() != null) {
            out.println("  faults: " + o.faults());
        }
        if (o.latency() != null) {
            out.println("  latency: " + o.latency());
        }
        out.println("Ctrl+C stops it.");
    }
}
