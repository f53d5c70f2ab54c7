package navsync.sync;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.SalesChanges;
import navsync.sales.SalesReader;
import navsync.state.CouplingStore;
import navsync.state.JobCounters;
import navsync.state.StateStore;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deletion sweep: finds coupled records deleted on one side while the other side did not change
 * (which no pass over changes sees), by checking a mapping's couplings against both sides, a thousand
 * couplings at a time in NAV key order: one {@code IN (...)} query on the NAV table, and (unless
 * Sales change tracking reports deletions) Sales id queries of a hundred ids each. What it finds goes
 * through the batch route as {@link Deletions.Gone} batches, resolved by the mapping's deletionResolution.
 * It runs in the mapping's first pass (NAV -> Sales where the mapping has it) at the cadence of its
 * {@code deletionSweep} setting.
 */
public final class CouplingSweep {

    private static final Logger LOG = LoggerFactory.getLogger(CouplingSweep.class);
    /** The watermark key under which a mapping's last sweep (its pass's start time) is kept. */
    static final String WATERMARK = "DeletionSweep";
    /** Couplings per page of the sweep: one NAV query per page. */
    static final int COUPLINGS_PER_PAGE = 1000;

    private final StateStore store;
    private final Deletions deletions;
    private final SalesReader reader;

    CouplingSweep(StateStore store, Deletions deletions, SalesReader reader) {
        this.store = store;
        this.deletions = deletions;
        this.reader = reader;
    }

    /**
     * Split source of the pass routes: batches of records deleted on one side, or nothing when this
     * pass does not sweep (a selection, the mapping's other pass, or not due yet).
     */
    public Iterator<Deletions.Gone> batches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        Direction sweepingPass = mapping.allows(Direction.ToIntegrationTable) ? Direction.ToIntegrationTable
                : Direction.FromIntegrationTable;
        if (run.selection() != null || run.pass() != sweepingPass) {
            return Collections.emptyIterator();
        }
        Instant last = store.watermarks().get(mapping.name(), WATERMARK).map(Instant::parse).orElse(null);
        if (!mapping.deletionSweep().isDue(last, run.startedAt())) {
            return Collections.emptyIterator();
        }
        run.sweepsDeletions();
        // the pairs this pass has just synchronized are known to exist on both sides: when that is all
        // of them (a first pass, say), there is nothing to sweep
        JobCounters done = run.counters();
        if (done.inserted() + done.modified() + done.unchanged() >= store.couplings().count(mapping.name())) {
            LOG.info("{} {} job {}: deletion sweep: this pass synchronized every coupled pair", mapping.name(),
                    run.pass(), run.id());
            return Collections.emptyIterator();
        }
        boolean salesSide = mapping.salesChanges() != SalesChanges.changeTracking;
        Iterator<Deletions.Gone> sweep = sweep(mapping, salesSide, run.id());
        long started = System.nanoTime();
        return new Iterator<>() {
            private int navGone;
            private int salesGone;
            private boolean logged;

            @Override
            public boolean hasNext() {
                boolean more = sweep.hasNext();
                if (!more && !logged) {
                    logged = true;
                    LOG.info("{} {} job {}: deletion sweep ({}) found {} NAV and {} Sales deletions in {} ms", mapping.name(),
                            run.pass(), run.id(), salesSide ? "NAV and Sales" : "NAV; Sales by change tracking", navGone,
                            salesGone, (System.nanoTime() - started) / 1_000_000);
                }
                return more;
            }

            @Override
            public Deletions.Gone next() {
                Deletions.Gone gone = sweep.next();
                if (gone instanceof Deletions.NavRecordsGone g) {
                    navGone += g.navKeys().size();
                } else {
                    salesGone += ((Deletions.SalesRowsGone) gone).salesIds().size();
                }
                return gone;
            }
        };
    }

    /**
     * Pages through the mapping's couplings; per page, the NAV records that are gone, then (when
     * {@code salesSide}) the Sales rows that are gone, in batches of the mapping's batch size. A pair
     * gone on both sides is found on the NAV side only.
     */
    Iterator<Deletions.Gone> sweep(IntegrationTableMapping mapping, boolean salesSide, UUID exceptJob) {
        return new Iterator<>() {
            private final Deque<Deletions.Gone> found = new ArrayDeque<>();
            private String afterKey;
            private boolean lastPage;

            @Override
            public boolean hasNext() {
                while (found.isEmpty() && !lastPage) {
                    readPage();
                }
                return !found.isEmpty();
            }

            @Override
            public Deletions.Gone next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return found.removeFirst();
            }

            private void readPage() {
                List<CouplingStore.CoupledPair> page = store.couplings().synchronizedAfter(mapping.name(), afterKey,
                        COUPLINGS_PER_PAGE, exceptJob);
                lastPage = page.size() < COUPLINGS_PER_PAGE;
                if (page.isEmpty()) {
                    return;
                }
                afterKey = page.get(page.size() - 1).navKey();
                Set<String> navPresent = deletions.existingNavKeys(mapping,
                        page.stream().map(CouplingStore.CoupledPair::navKey).toList());
                List<String> navGone = new ArrayList<>();
                List<UUID> navSurvives = new ArrayList<>();
                for (CouplingStore.CoupledPair pair : page) {
                    if (navPresent.contains(pair.navKey())) {
                        navSurvives.add(pair.salesId());
                    } else {
                        navGone.add(pair.navKey());
                    }
                }
                chunks(navGone, mapping.batchSize()).forEach(keys -> found.add(new Deletions.NavRecordsGone(keys)));
                if (salesSide && !navSurvives.isEmpty()) {
                    Set<UUID> salesPresent = new HashSet<>();
                    String id = mapping.entity().primaryId();
                    reader.byIds(mapping.entity(), navSurvives, List.of(id))
                            .forEach(row -> salesPresent.add(UUID.fromString(row.get(id).asText())));
                    List<UUID> salesGone = navSurvives.stream().filter(s -> !salesPresent.contains(s)).toList();
                    chunks(salesGone, mapping.batchSize()).forEach(ids -> found.add(new Deletions.SalesRowsGone(ids)));
                }
            }
        };
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return out;
    }
}
