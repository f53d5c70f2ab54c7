package navsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.testing.FailingRecords;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled job-log cleanup (routes/retention.yaml) in the running application. */
class JobRetentionTest {

    @TempDir
    Path data;

    @Test
    void theRetentionRouteDeletesOldJobsAndKeepsThoseOfSkippedCouplings() throws Exception {
        try (NavsyncTestApp app = NavsyncTestApp.start(data, Map.of("navsync.sync.skip-after-failures", "2",
                "navsync.retention.max-age", "1d", "navsync.retention.first-run-delay", "1s",
                "navsync.retention.interval", "1s"))) {
            FailingRecords.skipCustomer10000(app); // two CUSTOMER jobs; the second made 10000 skipped
            StateStore store = app.store();
            UUID skippedBy = store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().toJobId();
            UUID firstRun = store.jobs().latest("CUSTOMER", 10).stream().map(SyncJob::id)
                    .filter(id -> !id.equals(skippedBy)).findFirst().orElseThrow();
            assertThat(store.jobs().errors(firstRun)).as("10000 failed in the first run too").isNotEmpty();
            UUID recent = app.synchronization().run("CURRENCY", Direction.ToIntegrationTable, Duration.ofMinutes(1))
                    .get(0).id();
            age(store, List.of(firstRun, skippedBy), Duration.ofDays(2));

            Instant deadline = Instant.now().plusSeconds(20);
            while (store.jobs().find(firstRun).isPresent()) {
                assertThat(Instant.now()).as("the cleanup ran").isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(store.jobs().errors(firstRun)).isEmpty();
            assertThat(store.jobs().find(skippedBy)).as("a skipped coupling refers to it").isPresent();
            assertThat(store.jobs().errors(skippedBy)).isNotEmpty();
            assertThat(store.jobs().find(recent)).isPresent();
        }
    }

    private static void age(StateStore store, List<UUID> jobs, Duration by) {
        store.inTransaction(c -> {
            for (UUID job : jobs) {
                for (String sql : List.of("UPDATE sync_job SET started_at = ? WHERE id = ?",
                        "UPDATE sync_job_error SET created_at = ? WHERE job_id = ?")) {
                    try (var ps = c.prepareStatement(sql)) {
                        ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(by));
                        ps.setObject(2, job);
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
