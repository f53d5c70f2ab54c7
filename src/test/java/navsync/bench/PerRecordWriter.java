package navsync.bench;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.SkipPolicy;
import navsync.nav.NavSchema;
import navsync.state.CouplingStore;
import navsync.state.JobCounters;
import navsync.state.StateStore;
import navsync.state.SyncJob;

/**
 * The way NAV's own integration engine writes (codeunit 5340 "CRM Integration Table Synch."): record
 * by record, in one thread, one Web API request per record (a PATCH upsert by the id decided for
 * the record) and one state-store transaction per record (the coupling with its synchronized values,
 * the job's counters), committed before the next record. Same NAV rows, same Web API bodies and same
 * state-store schema as navsync; the client is the JDK's HTTP client, lighter than navsync's.
 */
final class PerRecordWriter {

    record Result(long records, double seconds, long requests, long commits) {
    }

    private final SalesClient sales;
    private final StateStore store;
    private final PayloadMapper mapper;

    PerRecordWriter(SalesClient sales, StateStore store, PayloadMapper mapper) {
        this.sales = sales;
        this.store = store;
        this.mapper = mapper;
    }

    /** Writes the rows, at most {@code limit}, stopping early once {@code deadlineNanos} ({@link System#nanoTime}) passes. */
    Result run(DataSource nav, NavSchema schema, int limit, long deadlineNanos) {
        String mappingName = mapper.mapping().name();
        String entitySet = mapper.mapping().entity().entitySet();
        UUID jobId = store.jobs().start(mappingName, Direction.ToIntegrationTable.name(), "Synchronization");
        long[] n = new long[3];
        long t0 = System.nanoTime();
        try {
            NavFixture.forEachRow(nav, schema, mapper.mapping(), row -> {
                if (n[0] >= limit || System.nanoTime() - deadlineNanos > 0) {
                    throw new Stop();
                }
                write(mappingName, entitySet, jobId, row);
                n[0]++;
            });
        } catch (Stop stopped) {
            // the limit was reached
        }
        double seconds = Bench.seconds(System.nanoTime() - t0);
        store.jobs().finish(jobId, SyncJob.SUCCEEDED, String.format(java.util.Locale.ROOT,
                "per-record writer: inserted %d in %.2f s", n[0], seconds));
        return new Result(n[0], seconds, n[0], n[0]);
    }

    private void write(String mappingName, String entitySet, UUID jobId, Map<String, Object> row) {
        String key = PayloadMapper.key(row);
        UUID salesId = UUID.randomUUID();
        PayloadMapper.Mapped mapped = mapper.map(row);
        sales.expectSuccess("PATCH", entitySet + "(" + salesId + ")", PayloadMapper.bytes(mapped.payload()));
        String synced = mapped.baseline().toString();
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupling (mapping_name, nav_key, nav_record_id,"
                    + " sales_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, mappingName);
                ps.setString(2, key);
                ps.setObject(3, PayloadMapper.recordId(row));
                ps.setObject(4, salesId);
                ps.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            store.couplings().applyOutcomes(c, mappingName, Direction.ToIntegrationTable, jobId, SkipPolicy.afterFailures(3),
                    List.of(new CouplingStore.Synchronized(key, PayloadMapper.version(row), synced)));
            store.jobs().record(c, jobId, mappingName, new JobCounters(1, 0, 0, 0, 0, 0, 1, 0), List.of());
            return null;
        });
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
