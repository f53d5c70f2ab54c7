package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.SkipPolicy;
import navsync.nav.NavChange;
import navsync.nav.NavWriter;
import navsync.sales.SalesBulkWriter;
import navsync.sales.SalesError;
import navsync.sales.SalesResponse;
import navsync.sales.SalesWebApi;
import navsync.sales.SalesWrite;
import navsync.state.CouplingStore;
import navsync.state.JobCounters;
import navsync.state.JobStore;
import navsync.state.StateStore;
import org.apache.camel.Exchange;

/**
 * The steps of the batch route that both passes share: {@link #prepare} plans the batch (per pass),
 * {@link #writeSales} writes to Sales in bulk, {@link #writeNav} writes to NAV in one transaction,
 * {@link #commit} stores couplings, counters and errors in one transaction. A record that fails in
 * any step fails alone, with its key and the message; the rest of its batch goes on. Each step first
 * checks that the pass still holds its mapping's lock ({@link JobRun#requireLock}).
 */
public final class SyncSteps {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncSteps.class);

    /** Exchange property: the batch comes from the retry set (records that failed last time). */
    public static final String RETRY_SET = "navsyncRetrySet";

    private final StateStore store;
    private final NavToSales navToSales;
    private final SalesToNav salesToNav;
    private final SalesBulkWriter salesWriter;
    private final SalesWebApi api;
    private final NavWriter navWriter;
    private final Sides sides;
    private final SkipPolicy defaultSkip;
    private final Deletions deletions;

    SyncSteps(StateStore store, NavToSales navToSales, SalesToNav salesToNav, Deletions deletions,
              SalesBulkWriter salesWriter, SalesWebApi api, NavWriter navWriter, Sides sides, int skipAfterFailures) {
        this.deletions = deletions;
        this.store = store;
        this.navToSales = navToSales;
        this.salesToNav = salesToNav;
        this.salesWriter = salesWriter;
        this.api = api;
        this.navWriter = navWriter;
        this.sides = sides;
        this.defaultSkip = SkipPolicy.afterFailures(skipAfterFailures);
    }

    /** A preview's report of the batch: what each record would get, and why failing ones would fail. */
    private static void report(SyncBatch batch) {
        String pass = batch.run.pass().name();
        for (SyncBatch.Plan plan : batch.plans) {
            String action = switch (plan.effect()) {
                case INSERTED -> "insert";
                case MODIFIED -> "modify";
                case DELETED -> "delete";
                case UNCOUPLED -> "uncouple";
            };
            batch.run.report(new PreviewRecord(pass, plan.navKey(), plan.salesId(), action,
                    plan.salesWrite() == null ? null : plan.salesWrite().payload(),
                    plan.navChange() == null ? null : Json.tree(plan.navChange()), null));
        }
        for (var error : batch.errors) {
            batch.run.report(new PreviewRecord(pass, error.navKey(), error.salesId(), "fail", null, null, error.message()));
        }
    }

    /** Before step 1: the batch is in flight until {@link #end}, whatever its steps throw. */
    public void begin(Exchange exchange) {
        exchange.getProperty(JobRun.PROPERTY, JobRun.class).batchBegins();
    }

    public void end(Exchange exchange) {
        exchange.getProperty(JobRun.PROPERTY, JobRun.class).batchEnds();
    }

    /** Step 1: decide what every record of the batch needs. */
    public SyncBatch prepare(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        run.requireLock(); // planning records new couplings
        if (exchange.getMessage().getBody() instanceof Deletions.Gone gone) {
            return deletions.plan(run, gone);
        }
        boolean retrySet = Boolean.TRUE.equals(exchange.getProperty(RETRY_SET, Boolean.class));
        return plan(run, exchange.getMessage().getBody(List.class), retrySet);
    }

    @SuppressWarnings("unchecked")
    SyncBatch plan(JobRun run, List<?> rows, boolean retrySet) {
        return run.pass() == Direction.ToIntegrationTable
                ? navToSales.plan(run, (List<Map<String, Object>>) rows, retrySet)
                : salesToNav.plan(run, (List<ObjectNode>) rows, retrySet);
    }

    /** Step 2: Sales upserts in bulk (bad rows isolated), and deletions. */
    public SyncBatch writeSales(SyncBatch batch) {
        if (batch.run.isPreview()) {
            return batch;
        }
        batch.run.requireLock();
        IntegrationTableMapping mapping = batch.run.mapping();
        List<SalesWrite> writes = new ArrayList<>();
        for (SyncBatch.Plan plan : batch.plans) {
            if (plan.salesWrite() != null) {
                writes.add(plan.salesWrite());
            }
            if (plan.salesDelete() != null) {
                SalesResponse response = api.delete(mapping.entity().entitySet() + "(" + plan.salesDelete() + ")");
                if (!response.isSuccess() && response.status() != 404) {
                    batch.writeFailures.put(plan.navKey(), "deleting Sales " + mapping.entity().logicalName() + " "
                            + plan.salesDelete() + ": " + response.error());
                }
            }
        }
        for (Map.Entry<String, SalesError> failure : salesWriter.upsert(mapping.entity(), writes).entrySet()) {
            batch.writeFailures.put(failure.getKey(), "Sales " + mapping.entity().logicalName() + ": " + failure.getValue());
            if (failure.getValue().isTransient()) {
                batch.transientFailures.add(failure.getKey());
            }
        }
        return batch;
    }

    /** Step 3: NAV inserts, updates and deletes in one transaction, of records whose Sales writes landed. */
    public SyncBatch writeNav(SyncBatch batch) {
        if (batch.run.isPreview()) {
            return batch;
        }
        batch.run.requireLock();
        IntegrationTableMapping mapping = batch.run.mapping();
        List<NavChange> changes = new ArrayList<>();
        for (SyncBatch.Plan plan : batch.plans) {
            if (plan.navChange() != null && !batch.writeFailures.containsKey(plan.navKey())) {
                changes.add(plan.navChange());
            }
        }
        NavWriter.Outcome outcome = navWriter.apply(sides.table(mapping), mapping.navKeyColumn(), mapping.navDefaults(),
                sides.blanks(mapping), changes);
        outcome.failures().forEach((key, message) -> {
            batch.writeFailures.put(key, "NAV " + mapping.table() + ": " + message);
            batch.navFailures.add(key);
        });
        batch.navVersions = outcome.versions();
        return batch;
    }

    /** All four steps on one batch, in the caller's thread. */
    SyncBatch synchronize(JobRun run, List<?> rows) {
        run.requireLock();
        run.batchBegins();
        try {
            return commit(writeNav(writeSales(plan(run, rows, true))));
        } finally {
            run.batchEnds();
        }
    }

    /** Step 4: couplings, counters and errors of the batch in one transaction. */
    public SyncBatch commit(SyncBatch batch) {
        JobRun run = batch.run;
        run.requireLock();
        IntegrationTableMapping mapping = run.mapping();
        List<CouplingStore.Outcome> outcomes = new ArrayList<>(batch.decided);
        int inserted = 0;
        int modified = 0;
        int deleted = 0;
        int uncoupled = 0;
        List<JobStore.NewError> warnings = new ArrayList<>();
        for (SyncBatch.Plan plan : batch.plans) {
            String failure = batch.writeFailures.get(plan.navKey());
            if (failure != null) {
                batch.fail(plan.navKey(), plan.salesId(), failure + " (NAV " + mapping.table() + " " + plan.navKey()
                        + ", Sales " + mapping.entity().logicalName() + " " + plan.salesId() + ")");
                continue;
            }
            for (String warning : batch.warnings.getOrDefault(plan.navKey(), List.of())) {
                String message = "warning: NAV " + mapping.table() + " " + plan.navKey() + ": " + warning;
                LOG.warn("{} {} job {}: {}", mapping.name(), run.pass(), run.id(), message);
                warnings.add(new JobStore.NewError(plan.navKey(), plan.salesId(), message));
            }
            switch (plan.effect()) {
                case INSERTED -> inserted++;
                case MODIFIED -> modified++;
                case DELETED -> deleted++;
                case UNCOUPLED -> uncoupled++;
            }
            if (plan.baseline() == null) {
                outcomes.add(new CouplingStore.Uncoupled(plan.navKey()));
                if (plan.effect() == SyncBatch.Effect.DELETED) {
                    uncoupled++;
                }
            } else {
                long version = batch.navVersions.getOrDefault(plan.navKey(), plan.navVersion());
                outcomes.add(new CouplingStore.Synchronized(plan.navKey(), version, Json.write(plan.baseline())));
            }
        }
        for (var error : batch.errors) {
            if (error.navKey() != null) {
                run.noteFailed(error.navKey());
                // a Sales write that landed before its NAV write failed is no Sales change next time
                ObjectNode landed = batch.navFailures.contains(error.navKey())
                        ? batch.baselinesIfOnlySalesLands.get(error.navKey()) : null;
                outcomes.add(new CouplingStore.Failed(error.navKey(), error.message(),
                        batch.transientFailures.contains(error.navKey()), landed == null ? null : Json.write(landed)));
            }
        }
        outcomes.replaceAll(o -> o instanceof CouplingStore.Synchronized s && batch.awaitingSecondPass.contains(s.navKey())
                ? s.awaiting() : o);
        SkipPolicy skip = mapping.skipPolicy() == null ? defaultSkip : mapping.skipPolicy();
        JobCounters delta = new JobCounters(inserted, modified, deleted, batch.unchanged, batch.skipped, batch.failed(),
                0, uncoupled);
        // the job's error list: the failed records, and warnings about records that landed
        List<JobStore.NewError> listed = new ArrayList<>(batch.errors);
        listed.addAll(warnings);
        if (run.isPreview()) {
            report(batch);
            store.inTransaction(c -> {
                store.jobs().record(c, run.id(), mapping.name(), delta, listed);
                return null;
            });
            run.add(delta);
            return batch;
        }
        JobCounters counted = store.inTransaction(c -> {
            // a record that this failure made skipped counts as skipped (its error stays in the job's list)
            int nowSkipped = store.couplings().applyOutcomes(c, mapping.name(), run.pass(), run.id(), skip, outcomes,
                    batch.intent);
            JobCounters d = new JobCounters(delta.inserted(), delta.modified(), delta.deleted(), delta.unchanged(),
                    delta.skipped() + nowSkipped, delta.failed() - nowSkipped, delta.coupled(), delta.uncoupled());
            store.jobs().record(c, run.id(), mapping.name(), d, listed);
            return d;
        });
        store.couplings().inserted(batch.intent == null ? 0 : batch.intent.couplings().size());
        run.add(counted);
        return batch;
    }

}
