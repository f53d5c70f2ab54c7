package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
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
 * the retry set (rows of couplings whose last Sales -> NAV pass failed).
 */
public final class SalesSource {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SalesSource.class);

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

    private Iterator<Object> trackedBatches(JobRun run) {
        IntegrationTableMapping mapping = run.mapping();
        List<String> select = sides.salesSelect(mapping);
        Iterator<SalesReader.TrackedPage> pages;
        try {
            pages = reader.tracked(mapping.entity(), select, run.startDeltaLink(), mapping.batchSize());
        } catch (SalesReader.DeltaLinkRefused e) {
            LOG.warn("{} {} job {}: Sales refused the stored delta link ({}); reading every {} row with a new delta link",
                    mapping.name(), run.pass(), run.id(), e.getMessage(), mapping.entity().logicalName());
            pages = reader.tracked(mapping.entity(), select, null, mapping.batchSize());
        }
        Iterator<SalesReader.TrackedPage> source = pages;
        Deque<Object> ready = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && source.hasNext()) {
                    SalesReader.TrackedPage page = source.next();
                    List<ObjectNode> changed = matchingFilter(mapping, page.changed());
                    if (!changed.isEmpty()) {
                        ready.add(changed);
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

    /**
     * The rows that pass the integration table filter. Change tracking refuses $filter, so the filter
     * is applied after reading: Sales says which of these ids pass it (one query per 100 ids), which
     * keeps Dataverse's own semantics of the filter (lookups, choices, case-insensitive text).
     */
    private List<ObjectNode> matchingFilter(IntegrationTableMapping mapping, List<ObjectNode> rows) {
        String filter = mapping.integrationTableFilter();
        if (filter == null || filter.isBlank() || rows.isEmpty()) {
            return rows;
        }
        String id = mapping.entity().primaryId();
        Set<String> passing = new HashSet<>();
        reader.byIds(mapping.entity(), rows.stream().map(r -> UUID.fromString(r.get(id).asText())).toList(), List.of(id),
                filter).forEach(row -> passing.add(row.get(id).asText()));
        return rows.stream().filter(r -> passing.contains(r.get(id).asText())).toList();
    }

    /** The retry set, read by id one batch at a time, whatever the watermark says. */
    public Iterator<List<ObjectNode>> retryBatches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        List<String> navKeys = store.couplings().failedNavKeys(mapping.name(), Direction.FromIntegrationTable);
        List<UUID> ids = store.couplings().findByNavKeys(mapping.name(), navKeys).values().stream()
                .map(c -> c.salesId()).toList();
        ids.forEach(id -> run.markRetried(id.toString()));
        return rowsByIds(mapping, ids);
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
