package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.sales.SalesReader;
import navsync.state.StateStore;
import org.apache.camel.Exchange;

/**
 * The Sales reader of the Sales -> NAV route: rows changed since the watermark, page by page, and
 * the retry set (rows of couplings whose last Sales -> NAV pass failed).
 */
public final class SalesSource {

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

    /** Pages of rows changed since the watermark (less the overlap) that pass the integration table filter. */
    public Iterator<List<ObjectNode>> changedPages(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        java.time.Instant since = run.startModifiedOn() == null ? null : run.startModifiedOn().minus(OVERLAP);
        return reader.changedSince(mapping.entity(), sides.salesSelect(mapping), mapping.integrationTableFilter(), since,
                mapping.batchSize());
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
