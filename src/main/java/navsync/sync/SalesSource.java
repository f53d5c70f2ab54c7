package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.SalesChanges;
import navsync.sales.SalesReader;
import navsync.state.StateStore;
import org.apache.camel.Exchange;

/**
 * The Sales reader of the Sales -> NAV route: rows changed since the watermark, page by page, and
 * the retry set (rows of couplings whose last Sales -> NAV pass failed, and rows that failed before they
 * were coupled).
 */
public final class SalesSource {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SalesSource.class);

    /** Ids per page of a change-tracking read (Dataverse's largest page). */
    private static final int IDS_PER_DELTA_PAGE = 5000;
    /** Re-read rows modified up to this long before the watermark: modifiedon has whole seconds. */
    private static final java.time.Duration OVERLAP = java.time.Duration.ofSeconds(1);

    private final SalesReader reader;
    private final Sides sides;
    private final StateStore store;

    SalesSource(SalesReader reader, Sides sides, StateStore store) {
        this.reader = reader;
        this.sides = sides;
        this.store = store;
    }

    /**
     * Pages of rows changed since the watermark (less the overlap) that pass the integration table
     * filter; with change tracking, the pages of the delta link instead, each followed by the Sales
     * rows it reports deleted ({@link Deletions.SalesRowsGone}).
     */
    public Iterator<?> changedPages(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        if (mapping.salesChanges() == SalesChanges.changeTracking) {
            return trackedBatches(run);
        }
        java.time.Instant since = run.startModifiedOn() == null ? null : run.startModifiedOn().minus(OVERLAP);
        return reader.changedSince(mapping.entity(), sides.salesSelect(mapping), mapping.integrationTableFilter(), since,
                mapping.batchSize());
    }

    /**
     * Change tracking: the stored delta link is read for ids only (new, changed and deleted rows); the
     * changed rows are then read by id through the integration table filter, since change tracking
     * refuses $filter. Without a delta link, or when Sales refuses it (expired token), a new delta link
     * is taken first and every row is read through the filter, as a first modifiedon pass does;
     * changes made meanwhile show up again in the next delta, where they are found unchanged.
     */
    private Iterator<?> trackedBatches(JobRun run) {
        IntegrationTableMapping mapping = run.mapping();
        String stored = run.startDeltaLink();
        if (stored != null) {
            try {
                return deltaBatches(run, reader.tracked(mapping.entity(), List.of(), stored, IDS_PER_DELTA_PAGE));
            } catch (SalesReader.DeltaLinkRefused e) {
                LOG.warn("{} {} job {}: Sales refused the stored delta link ({}); reading every {} row with a new"
                        + " delta link", mapping.name(), run.pass(), run.id(), e.getMessage(),
                        mapping.entity().logicalName());
            }
        }
        Iterator<SalesReader.TrackedPage> ids = reader.tracked(mapping.entity(), List.of(), null, IDS_PER_DELTA_PAGE);
        String deltaLink = null;
        while (ids.hasNext()) {
            deltaLink = ids.next().deltaLink();
        }
        if (deltaLink == null) {
            throw new IllegalStateException("Sales answered the change-tracking read of " + mapping.entity().entitySet()
                    + " without an @odata.deltaLink: change tracking is not enabled on the table (ChangeTrackingEnabled);"
                    + " enable it, or set salesChanges: modifiedOn in " + mapping.file());
        }
        run.observeDeltaLink(deltaLink);
        return reader.changedSince(mapping.entity(), sides.salesSelect(mapping), mapping.integrationTableFilter(), null,
                mapping.batchSize());
    }

    private Iterator<Object> deltaBatches(JobRun run, Iterator<SalesReader.TrackedPage> pages) {
        IntegrationTableMapping mapping = run.mapping();
        String id = mapping.entity().primaryId();
        Deque<Object> ready = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && pages.hasNext()) {
                    SalesReader.TrackedPage page = pages.next();
                    List<UUID> changed = page.changed().stream().map(r -> UUID.fromString(r.get(id).asText())).toList();
                    for (int from = 0; from < changed.size(); from += mapping.batchSize()) {
                        List<ObjectNode> rows = reader.byIds(mapping.entity(),
                                changed.subList(from, Math.min(changed.size(), from + mapping.batchSize())),
                                sides.salesSelect(mapping), mapping.integrationTableFilter());
                        if (!rows.isEmpty()) {
                            ready.add(rows);
                        }
                    }
                    if (!page.deleted().isEmpty()) {
                        ready.add(new Deletions.SalesRowsGone(page.deleted()));
                    }
                    if (page.deltaLink() != null) {
                        run.observeDeltaLink(page.deltaLink());
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.removeFirst();
            }
        };
    }

    /** The retry set, read by id one batch at a time, whatever the watermark says. */
    public Iterator<List<ObjectNode>> retryBatches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        List<String> navKeys = store.couplings().failedNavKeys(mapping.name(), Direction.FromIntegrationTable);
        Set<UUID> ids = new LinkedHashSet<>();
        store.couplings().findByNavKeys(mapping.name(), navKeys).values().forEach(c -> ids.add(c.salesId()));
        ids.addAll(store.jobs().uncoupledFailures(mapping.name(), Direction.FromIntegrationTable.name()));
        ids.forEach(id -> run.markRetried(id.toString()));
        return rowsByIds(mapping, List.copyOf(ids));
    }

    /** The Sales rows of a "Synchronize Now" selection, by id, one batch at a time. */
    public Iterator<List<ObjectNode>> selectedBatches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        return rowsByIds(run.mapping(), run.selection().stream().map(UUID::fromString).toList());
    }

    Iterator<List<ObjectNode>> rowsByIds(IntegrationTableMapping mapping, List<UUID> ids) {
        Iterator<List<UUID>> idBatches = new Batches<>(ids.iterator(), mapping.batchSize());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return idBatches.hasNext();
            }

            @Override
            public List<ObjectNode> next() {
                return reader.byIds(mapping.entity(), idBatches.next(), sides.salesSelect(mapping));
            }
        };
    }
}
