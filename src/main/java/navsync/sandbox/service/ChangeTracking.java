package navsync.sandbox.service;

import java.time.Clock;
import java.time.Duration;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.DeltaToken;
import navsync.sandbox.store.DataStore;

/**
 * Issues and checks change-tracking tokens [CT]. A token older than the organization's ExpireChangeTrackingInDays
 * (default seven days in the current doc) is refused: "the system throws an exception" [CT]. The sandbox answers that
 * with HTTP 400 and ExpiredVersionStamp (status, code and text are inference; the reference gives none).
 */
public final class ChangeTracking {
    /** ExpireChangeTrackingInDays default [CT, 2026 doc]. */
    public static final int DEFAULT_EXPIRY_DAYS = 7;

    private final DataStore store;
    private final Clock clock;
    private final Duration expiry;

    public ChangeTracking(DataStore store, Clock clock, int expiryDays) {
        this.store = store;
        this.clock = clock;
        this.expiry = Duration.ofDays(expiryDays);
    }

    /** A token for everything committed so far. */
    public DeltaToken issue() {
        return issue(store.currentVersion());
    }

    public DeltaToken issue(long version) {
        return new DeltaToken(version, clock.instant());
    }

    /** Parses a client's token and refuses it when expired. */
    public DeltaToken accept(String text) {
        DeltaToken token = DeltaToken.parse(text);
        if (token.issued().plus(expiry).isBefore(clock.instant())) {
            throw DataverseException.badRequest(ErrorCodes.EXPIRED_VERSION_STAMP, "Version stamp associated with the "
                    + "client has expired. Please perform a full sync.");
        }
        return token;
    }
}
