package navsync.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.coupling.CouplingConflictException;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import navsync.state.SyncResult;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationJobs;
import navsync.sync.SynchronizationService;

/**
 * NAV's synchronization status pages: a summary per mapping, the coupled data synchronization errors
 * (failed and skipped couplings, with both records described), and their actions: retry (the next run
 * takes the record again), restore (recreate the side that was deleted), for one coupling or all of
 * a mapping.
 */
public final class SynchronizationStatus {

    private static final List<Direction> PASSES = List.of(Direction.ToIntegrationTable, Direction.FromIntegrationTable);
    /** Couplings examined per step of a restore-all. */
    private static final int RESTORE_CHUNK = 500;

    private final Mappings mappings;
    private final StateStore store;
    private final SalesReader sales;
    private final NavQueries queries;
    private final DataSource nav;
    private final SynchronizationService synchronization;
    private final SynchronizationJobs jobs;

    public SynchronizationStatus(Mappings mappings, StateStore store, SalesReader sales, NavQueries queries, DataSource nav,
                                 SynchronizationService synchronization, SynchronizationJobs jobs) {
        this.mappings = mappings;
        this.store = store;
        this.sales = sales;
        this.queries = queries;
        this.nav = nav;
        this.synchronization = synchronization;
        this.jobs = jobs;
    }

    /** One mapping's state: couplings, failed and skipped ones, the last run and the lag per direction. */
    public record Summary(IntegrationTableMapping mapping, int couplings, int failed, int skipped,
                          Map<Direction, SyncJob> lastRuns, Map<Direction, Duration> lag, UUID runningJob) {
    }

    /**
     * The lag of a direction is the time since the start of its last successful pass: every change
     * made before it was read by that pass, so a change not synchronized yet (failed records aside,
     * which the error list shows) is at most this old. Null when no pass has succeeded yet.
     */
    public Summary summary(String mappingName) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        CouplingStore.ErrorCounts errors = store.couplings().errorCounts(mapping.name());
        Map<Direction, SyncJob> lastRuns = new LinkedHashMap<>();
        Map<Direction, Duration> lag = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Direction pass : PASSES) {
            if (mapping.allows(pass)) {
                lastRuns.put(pass, store.jobs().last(mapping.name(), pass.name()).orElse(null));
                lag.put(pass, store.jobs().lastSucceeded(mapping.name(), pass.name())
                        .map(j -> Duration.between(j.startedAt(), now)).orElse(null));
            }
        }
        return new Summary(mapping, store.couplings().count(mapping.name()), errors.failed(), errors.skipped(), lastRuns,
                lag, jobs.runningJob(mapping.name()));
    }

    /**
     * A coupling in error with both records described: NAV key and name, Sales id and name, and
     * whether each still exists (null when the side could not be read; {@code unreadable} says why).
     */
    public record CouplingErrorView(String mapping, Coupling coupling, Instant failedAt, String navName, Boolean navExists,
                                    String salesName, Boolean salesExists, String unreadable) {

        /**
         * The side a restore would recreate, or null when there is none: both exist, both are gone, it
         * is unknown, or the coupling is pending (its new record was never written, so nothing was deleted).
         */
        public Direction restorePass() {
            if (coupling.isPending()) {
                return null;
            }
            if (Boolean.TRUE.equals(navExists) && Boolean.FALSE.equals(salesExists)) {
                return Direction.ToIntegrationTable;
            }
            if (Boolean.FALSE.equals(navExists) && Boolean.TRUE.equals(salesExists)) {
                return Direction.FromIntegrationTable;
            }
            return null;
        }
    }

    public record ErrorPage(List<CouplingErrorView> errors, int total) {
    }

    /** A page of the couplings in error, of one mapping or all (null), described on both sides. */
    public ErrorPage errors(String mappingName, CouplingStore.ErrorState state, int offset, int limit) {
        String mapping = mappingName == null ? null : mappings.get(mappingName).name();
        List<CouplingStore.CouplingError> page = store.couplings().errors(mapping, state, offset, limit);
        return new ErrorPage(describe(page), store.couplings().countErrors(mapping, state));
    }

    /** Retry: the coupling is no longer skipped and counts its failures from zero; the next run takes it. */
    public Coupling retry(String mappingName, String navKey) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        if (!store.couplings().retry(mapping.name(), navKey)) {
            throw notCoupled(mapping, navKey);
        }
        return store.couplings().findByNavKey(mapping.name(), navKey).orElseThrow(() -> notCoupled(mapping, navKey));
    }

    /** Retry of every failed and skipped coupling of a mapping; returns how many. */
    public int retryAll(String mappingName) {
        return store.couplings().retryAll(mappings.get(mappingName).name());
    }

    /**
     * Restore: recreates the deleted side of a coupling (the Sales row under the same id, or the NAV
     * record under the same key) in a job of its own, as deletionResolution {@code restore} would.
     */
    public SynchronizationService.Started restore(String mappingName, String navKey) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Coupling coupling = store.couplings().findByNavKey(mapping.name(), navKey)
                .orElseThrow(() -> notCoupled(mapping, navKey));
        CouplingErrorView view = describe(mapping, List.of(new CouplingStore.CouplingError(coupling, null))).get(0);
        if (view.unreadable() != null) {
            throw new IllegalStateException("cannot tell which side of NAV " + mapping.table() + " " + navKey
                    + " is gone: " + view.unreadable());
        }
        Direction pass = view.restorePass();
        if (pass == null && coupling.isPending()) {
            throw new CouplingConflictException("nothing to restore: the coupling of NAV " + mapping.table() + " " + navKey
                    + " is pending (its new record was never written); retry the record instead");
        }
        if (pass == null) {
            throw new CouplingConflictException(Boolean.TRUE.equals(view.navExists())
                    ? "nothing to restore: NAV " + mapping.table() + " " + navKey + " and Sales " + mapping.entity().logicalName()
                    + " " + coupling.salesId() + " both exist; retry the record instead"
                    : "nothing to restore from: NAV " + mapping.table() + " " + navKey + " and Sales "
                    + mapping.entity().logicalName() + " " + coupling.salesId() + " are both gone; delete the coupling");
        }
        requireAllowed(mapping, pass);
        requireIdle(mapping);
        store.couplings().retry(mapping.name(), navKey); // a skipped coupling would be left out of the pass
        return pass == Direction.ToIntegrationTable
                ? synchronization.startRestore(mapping.name(), List.of(navKey), List.of())
                : synchronization.startRestore(mapping.name(), List.of(), List.of(coupling.salesId().toString()));
    }

    /** What a restore-all started: the records per side, and the jobs (null when there was nothing to restore). */
    public record Restored(int salesRows, int navRecords, SynchronizationService.Started started) {
    }

    /** Restore of every coupling in error of a mapping whose other side was deleted. */
    public Restored restoreAll(String mappingName) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        List<String> navKeys = new ArrayList<>();
        List<String> salesIds = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        for (int offset = 0; ; offset += RESTORE_CHUNK) {
            List<CouplingStore.CouplingError> chunk = store.couplings().errors(mapping.name(), null, offset, RESTORE_CHUNK);
            for (CouplingErrorView view : describe(mapping, chunk)) {
                if (view.unreadable() != null) {
                    throw new IllegalStateException("cannot tell which couplings of " + mapping.name()
                            + " lost a side: " + view.unreadable());
                }
                Direction pass = view.restorePass();
                if (pass != null && mapping.allows(pass)) {
                    (pass == Direction.ToIntegrationTable ? navKeys : salesIds).add(pass == Direction.ToIntegrationTable
                            ? view.coupling().navKey() : view.coupling().salesId().toString());
                    restored.add(view.coupling().navKey());
                }
            }
            if (chunk.size() < RESTORE_CHUNK) {
                break;
            }
        }
        if (navKeys.isEmpty() && salesIds.isEmpty()) {
            return new Restored(0, 0, null);
        }
        requireIdle(mapping);
        store.couplings().retry(mapping.name(), restored);
        return new Restored(navKeys.size(), salesIds.size(), synchronization.startRestore(mapping.name(), navKeys, salesIds));
    }

    private List<CouplingErrorView> describe(List<CouplingStore.CouplingError> page) {
        Map<String, List<CouplingStore.CouplingError>> byMapping = new LinkedHashMap<>();
        page.forEach(e -> byMapping.computeIfAbsent(e.coupling().mappingName(), m -> new ArrayList<>()).add(e));
        Map<CouplingStore.CouplingError, CouplingErrorView> views = new HashMap<>();
        byMapping.forEach((name, errors) -> {
            IntegrationTableMapping mapping = mappings.find(name).orElse(null);
            List<CouplingErrorView> described = mapping == null ? errors.stream().map(e -> new CouplingErrorView(name,
                    e.coupling(), e.failedAt(), null, null, null, null, "mapping " + name + " is no longer loaded")).toList()
                    : describe(mapping, errors);
            for (int i = 0; i < errors.size(); i++) {
                views.put(errors.get(i), described.get(i));
            }
        });
        return page.stream().map(views::get).toList();
    }

    /** Reads the NAV records (one query per 500 keys) and the Sales rows (one per 100 ids) of the couplings. */
    private List<CouplingErrorView> describe(IntegrationTableMapping mapping, List<CouplingStore.CouplingError> errors) {
        String navNameColumn = navNameColumn(mapping);
        Map<String, String> navNames = new HashMap<>();
        Map<UUID, String> salesNames = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        List<String> keys = errors.stream().map(e -> e.coupling().navKey()).toList();
        try {
            for (int from = 0; from < keys.size(); from += 500) {
                for (Map<String, Object> row : NavRows.query(nav, queries.rowsByKeys(mapping,
                        keys.subList(from, Math.min(keys.size(), from + 500)), false))) {
                    Object name = navNameColumn == null ? null : row.get(navNameColumn);
                    navNames.put(String.valueOf(row.get(NavQueries.KEY)), name == null ? "" : name.toString());
                }
            }
        } catch (RuntimeException e) {
            unreadable.add("NAV: " + e.getMessage());
        }
        String primaryName = mapping.entity().primaryName();
        try {
            for (ObjectNode row : sales.byIds(mapping.entity(), errors.stream().map(e -> e.coupling().salesId()).toList(),
                    List.of(primaryName))) {
                salesNames.put(UUID.fromString(row.path(mapping.entity().primaryId()).asText()),
                        row.path(primaryName).asText(""));
            }
        } catch (RuntimeException e) {
            unreadable.add("Sales: " + e.getMessage());
        }
        boolean navRead = unreadable.stream().noneMatch(u -> u.startsWith("NAV"));
        boolean salesRead = unreadable.stream().noneMatch(u -> u.startsWith("Sales"));
        String why = unreadable.isEmpty() ? null : String.join("; ", unreadable);
        return errors.stream().map(e -> {
            Coupling c = e.coupling();
            return new CouplingErrorView(mapping.name(), c, e.failedAt(), navNames.get(c.navKey()),
                    navRead ? navNames.containsKey(c.navKey()) : null, salesNames.get(c.salesId()),
                    salesRead ? salesNames.containsKey(c.salesId()) : null, why);
        }).toList();
    }

    /** The NAV column that describes a record: the one paired with the Sales primary name, else Name or Description. */
    private static String navNameColumn(IntegrationTableMapping mapping) {
        for (FieldMapping pair : mapping.pairs()) {
            if (mapping.entity().primaryName().equals(pair.salesAttribute()) && pair.lookup() == null) {
                return pair.navColumn();
            }
        }
        for (FieldMapping pair : mapping.pairs()) {
            if (List.of("Name", "Description").contains(pair.navColumn())) {
                return pair.navColumn();
            }
        }
        return null;
    }

    private static void requireAllowed(IntegrationTableMapping mapping, Direction pass) {
        if (!mapping.allows(pass)) {
            throw new IllegalArgumentException("mapping " + mapping.name() + " (" + mapping.direction() + ") cannot "
                    + (pass == Direction.ToIntegrationTable ? "recreate Sales rows" : "recreate NAV records")
                    + ": it is not configured for " + pass + " synchronization");
        }
    }

    /** A restore clears skipped before its job starts: refuse up front when the mapping is busy. */
    private void requireIdle(IntegrationTableMapping mapping) {
        UUID running = jobs.runningJob(mapping.name());
        if (running != null) {
            throw new navsync.sync.MappingBusyException(mapping.name(), running);
        }
    }

    private static NoSuchElementException notCoupled(IntegrationTableMapping mapping, String navKey) {
        return new NoSuchElementException("NAV " + mapping.table() + " " + navKey + " is not coupled (mapping "
                + mapping.name() + ")");
    }

    /** Which directions failed last time for a coupling. */
    public static List<Direction> failedPasses(Coupling c) {
        List<Direction> out = new ArrayList<>();
        if (c.toResult() == SyncResult.Failure) {
            out.add(Direction.ToIntegrationTable);
        }
        if (c.fromResult() == SyncResult.Failure) {
            out.add(Direction.FromIntegrationTable);
        }
        return out;
    }
}
