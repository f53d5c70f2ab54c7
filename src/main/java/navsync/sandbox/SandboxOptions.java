package navsync.sandbox;

/**
 * How to start a {@link SalesSandbox}.
 *
 * @param host     interface to bind (default {@code 127.0.0.1})
 * @param port     TCP port; 0 picks a free one (default 0)
 * @param threads  request-handling threads, also sent as {@code x-ms-dop-hint} (default 8)
 * @param backlog  TCP accept backlog (default 256)
 * @param seedData whether to create the calling systemuser and the organization's base currency (USD), as every
 *                 real environment has them (default true); money columns then get {@code _transactioncurrencyid_value}
 *                 and rows get {@code _ownerid_value} pointing at existing rows
 */
public record SandboxOptions(String host, int port, int threads, int backlog, boolean seedData) {
    public SandboxOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be set");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must be >= 0: " + backlog);
        }
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", 0, 8, 256, true);
    }

    public SandboxOptions withHost(String host) {
        return new SandboxOptions(host, port, threads, backlog, seedData);
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(host, port, threads, backlog, seedData);
    }

    public SandboxOptions withThreads(int threads) {
        return new SandboxOptions(host, port, threads, backlog, seedData);
    }

    public SandboxOptions withBacklog(int backlog) {
        return new SandboxOptions(host, port, threads, backlog, seedData);
    }

    public SandboxOptions withSeedData(boolean seedData) {
        return new SandboxOptions(host, port, threads, backlog, seedData);
    }
}
