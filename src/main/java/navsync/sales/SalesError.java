package navsync.sales;

/**
 * An error answered by the Web API: HTTP status plus the body's {@code error.code} (a hex string,
 * often empty) and {@code error.message}.
 */
public record SalesError(int status, String code, String message) {

    /** Throttling, server faults and unavailability: worth retrying the same request later. */
    public boolean isTransient() {
        return status == 429 || status == 408 || status >= 500;
    }

    @Override
    public String toString() {
        return "HTTP " + status + (code == null || code.isEmpty() ? "" : " " + code) + ": " + message;
    }
}
