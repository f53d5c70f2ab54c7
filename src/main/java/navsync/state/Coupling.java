package navsync.state;

import java.time.Instant;
import java.util.UUID;

/**
 * A NAV record coupled with a Sales row (NAV's "CRM Integration Record"). A coupling whose
 * {@code toResult} is null is pending: its Sales id was decided and recorded before the first
 * write, so a retried run upserts the same row instead of creating a second one.
 */
public record Coupling(String mappingName, String navKey, UUID navRecordId, UUID salesId, Long navVersion,
                       Instant salesModifiedOn, Long salesVersion, String syncedValues,
                       SyncResult toResult, UUID toJobId, Instant toSyncedAt,
                       SyncResult fromResult, UUID fromJobId, Instant fromSyncedAt,
                       int failureCount, String lastError, boolean skipped, Instant createdAt) {

    /** Recorded but never written to Sales successfully. */
    public boolean isPending() {
        return navVersion == null;
    }
}
