package navsync.sandbox.service;

import java.util.Set;

/**
 * Conditional-request headers [COND]: {@code If-Match: *} or ETags (prevents create; optimistic concurrency),
 * {@code If-None-Match: *} (prevents update). {@code If-None-Match: null} (sent on every request [COMPOSE]) means none.
 */
public record Precondition(boolean ifMatchAny, Set<String> ifMatchEtags, boolean ifNoneMatchAny) {
    public static final Precondition NONE = new Precondition(false, Set.of(), false);

    /** Any If-Match given: the row must exist. */
    public boolean requiresExisting() {
        return ifMatchAny || !ifMatchEtags.isEmpty();
    }

    /** Whether {@code etag} (e.g. {@code W/"42"}) satisfies If-Match; weak comparison of the opaque value. */
    public boolean matches(String etag) {
        if (ifMatchAny || ifMatchEtags.isEmpty()) {
            return true;
        }
        return ifMatchEtags.contains(opaque(etag));
    }

    /** {@code W/"42"} and {@code "42"} both give {@code 42}. */
    public static String opaque(String etag) {
        String e = etag.strip();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }
}
