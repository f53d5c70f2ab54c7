package navsync.state;

import java.time.Instant;
import java.util.UUID;

/** A record that failed in a job: its keys on both sides and the reason (NAV's Synch. Job Errors). */
public record JobError(long id, UUID jobId, String mappingName, String navKey, UUID salesId, String message,
                       Instant createdAt) {
}
