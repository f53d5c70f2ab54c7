package navsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.sales.SalesReader;
import navsync.state.JobCounters;
import navsync.state.StateStore;
import navsync.state.SyncJob;

/**
 * A schedule's inactivity sleep (NAV's inactivity timeout period, {@code schedule.inactivitySleep}):
 * when the mapping's latest run changed nothing, its schedule sleeps until that run's end plus the
 * period, and a firing meanwhile only probes NAV and Sales for changes past the watermarks.
 *
 * <p>The sleep is read from the job table, not kept aside: every instance of a cluster, and a
 * restarted one, sees the same sleep, and a run started by hand that changes something wakes the
 * schedule as well.
 */
public final class InactivitySleep {

    private final StateStore store;
    private final NavQueries navQueries;
    private final DataSource nav;
    private final SalesReader sales;

    InactivitySleep(StateStore store, NavQueries navQueries, DataSource nav, SalesReader sales) {
        this.store = store;
        this.navQueries = navQueries;
        this.nav = nav;
        this.sales = sales;
    }

    /** Until when the mapping's schedule sleeps, or empty when it is awake. */
    public Optional<Instant> asleepUntil(IntegrationTableMapping mapping) {
        Duration sleep = mapping.schedule() == null ? null : mapping.schedule().inactivitySleep();
        if (sleep == null) {
            return Optional.empty();
        }
        List<SyncJob> jobs = store.jobs().latest(mapping.name(), 20).stream()
                .filter(j -> j.type().equals(SynchronizationJobs.TYPE_SYNCHRONIZATION)).toList();
        Instant lastRunEnd = null;
        for (Direction pass : List.of(Direction.ToIntegrationTable, Direction.FromIntegrationTable)) {
            if (!mapping.allows(pass)) {
                continue;
            }
            Optional<SyncJob> latest = jobs.stream().filter(j -> j.direction().equals(pass.name())).findFirst();
            if (latest.isEmpty() || !latest.get().status().equals(SyncJob.SUCCEEDED) || changedSomething(latest.get())) {
                return Optional.empty();
            }
            Instant end = latest.get().finishedAt();
            lastRunEnd = lastRunEnd == null || end.isAfter(lastRunEnd) ? end : lastRunEnd;
        }
        Instant until = lastRunEnd == null ? null : lastRunEnd.plus(sleep);
        return until != null && until.isAfter(Instant.now()) ? Optional.of(until) : Optional.empty();
    }

    /**
     * The wake-up probe: the side that has changes past its pass's watermark ("NAV" first, then
     * "Sales"; any row in the filter when a pass has no watermark yet), or empty. At most one cheap query per side: {@code TOP 1} on NAV's row version,
     * {@code $top=1} on Sales' modifiedon.
     */
    public Optional<String> changes(IntegrationTableMapping mapping) {
        if (mapping.allows(Direction.ToIntegrationTable)) {
            Long watermark = store.watermarks().get(mapping.name(), Direction.ToIntegrationTable.name())
                    .map(Long::valueOf).orElse(null);
            if (!NavRows.query(nav, navQueries.anyChangedRow(mapping, watermark, nav)).isEmpty()) {
                return Optional.of("NAV");
            }
        }
        if (mapping.allows(Direction.FromIntegrationTable)) {
            Instant watermark = store.watermarks().get(mapping.name(), Direction.FromIntegrationTable.name())
                    .map(Instant::parse).orElse(null);
            if (sales.anyModifiedAfter(mapping.entity(), mapping.integrationTableFilter(), watermark)) {
                return Optional.of("Sales");
            }
        }
        return Optional.empty();
    }

    /** A job changed something, or left records to retry, when any counter but unchanged and skipped moved. */
    private static boolean changedSomething(SyncJob job) {
        JobCounters c = job.counters();
        return c.inserted() + c.modified() + c.deleted() + c.failed() + c.coupled() + c.uncoupled() > 0;
    }
}
