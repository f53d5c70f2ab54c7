package navsync.sync;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;

/**
 * "Synchronize the related record first" (a lookup's {@code whenUncoupled: synchronize}): before a
 * batch is planned, the related records its lookups need and that are not coupled are synchronized
 * by their own mapping, as one job of that mapping, in the batch's own thread (so a busy worker pool
 * cannot deadlock it). NAV does this for a contact's account and a record's owner.
 */
final class RelatedFirst {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RelatedFirst.class);

    private final SynchronizationJobs jobs;
    private final Mappings mappings;
    private NavReader navReader;
    private SalesSource salesSource;
    private SyncSteps steps;

    RelatedFirst(SynchronizationJobs jobs, Mappings mappings) {
        this.jobs = jobs;
        this.mappings = mappings;
    }

    /** The pass machinery, which itself needs this (set once, when the engine is built). */
    void use(NavReader navReader, SalesSource salesSource, SyncSteps steps) {
        this.navReader = navReader;
        this.salesSource = salesSource;
        this.steps = steps;
    }

    /**
     * Synchronizes the related records the lookups found uncoupled; returns whether any job ran (the
     * caller then fetches the lookups' couplings again). A dry run synchronizes nothing.
     */
    boolean synchronize(JobRun run, LookupCouplings lookups) {
        Map<String, Set<String>> navKeys = lookups.takeUncoupledNavKeys();
        Map<String, Set<UUID>> salesIds = lookups.takeUncoupledSalesIds();
        if (run.isPreview()) {
            return false;
        }
        boolean ran = false;
        for (Map.Entry<String, Set<String>> e : navKeys.entrySet()) {
            IntegrationTableMapping related = mappings.get(e.getKey());
            if (related.allows(Direction.ToIntegrationTable)) {
                ran |= runJob(related, Direction.ToIntegrationTable, new ArrayList<>(e.getValue()),
                        navReader.rowsByKeys(related, new ArrayList<>(e.getValue()), true));
            }
        }
        for (Map.Entry<String, Set<UUID>> e : salesIds.entrySet()) {
            IntegrationTableMapping related = mappings.get(e.getKey());
            if (related.allows(Direction.FromIntegrationTable)) {
                List<UUID> ids = new ArrayList<>(e.getValue());
                ran |= runJob(related, Direction.FromIntegrationTable, ids.stream().map(UUID::toString).toList(),
                        salesSource.rowsByIds(related, ids));
            }
        }
        return ran;
    }

    private boolean runJob(IntegrationTableMapping related, Direction pass, List<String> records,
                           Iterator<? extends List<?>> batches) {
        JobRun job;
        try {
            job = jobs.open(related.name(), pass);
        } catch (MappingBusyException e) {
            LOG.info("{} records of {} not synchronized first: {}", records.size(), related.name(), e.getMessage());
            return false;
        }
        job.select(records);
        try {
            while (batches.hasNext()) {
                steps.synchronize(job, batches.next());
            }
            jobs.finishRun(job);
        } catch (RuntimeException e) {
            jobs.failRun(job, e);
        }
        return true;
    }
}
