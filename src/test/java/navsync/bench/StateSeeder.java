package navsync.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavSchema;
import navsync.state.StateStore;
import navsync.state.SyncJob;

/**
 * Builds, in bulk, the state a completed initial NAV -> Sales pass leaves (the setup of the
 * incremental measurements, so that a table of a million rows does not need a full navsync pass
 * first): every account upserted into the sandbox (UpsertMultiple, 500 per request, 4 in flight), one
 * coupling per record with the baseline navsync stores (the mapped values as Sales reads them), and
 * the pass's watermark. {@link BenchWorker} then checks the state the way navsync sees it: rows
 * re-saved in NAV without a change must come out unchanged.
 */
final class StateSeeder {

    private final IntegrationTableMapping mapping;
    private final PayloadMapper payloads;

    StateSeeder(PayloadMapper payloads) {
        this.mapping = payloads.mapping();
        this.payloads = payloads;
    }

    /** @return the number of records seeded */
    long seed(DataSource nav, NavSchema schema, StateStore store, SalesClient sales) throws Exception {
        String entityBulk = mapping.entity().entitySet() + "/Microsoft.Dynamics.CRM.UpsertMultiple";
        String type = mapping.entity().odataType();
        String idProperty = mapping.entity().primaryId();
        UUID jobId = store.jobs().start(mapping.name(), Direction.ToIntegrationTable.name(), "Synchronization");
        ThreadPoolExecutor senders = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(8),
                new ThreadPoolExecutor.CallerRunsPolicy());
        List<Future<?>> sent = new ArrayList<>();
        AtomicLong highest = new AtomicLong(Long.MIN_VALUE);
        long n;
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupling (mapping_name, nav_key, nav_record_id,"
                    + " sales_id, nav_version, synced_values, to_result, to_job_id, to_synced_at, failure_count, skipped,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, 'Success', ?, ?, 0, FALSE, ?)")) {
                ObjectNode[] body = {null};
                long[] count = {0};
                n = NavFixture.forEachRow(nav, schema, mapping, row -> {
                    UUID salesId = UUID.randomUUID();
                    long version = PayloadMapper.version(row);
                    highest.accumulateAndGet(version, Math::max);
                    if (body[0] == null) {
                        body[0] = Bench.object();
                        body[0].putArray("Targets");
                    }
                    PayloadMapper.Mapped mapped = payloads.map(row);
                    ObjectNode target = ((ArrayNode) body[0].get("Targets")).addObject();
                    target.put("@odata.type", type).put(idProperty, salesId.toString());
                    target.setAll(mapped.payload());
                    if (((ArrayNode) body[0].get("Targets")).size() == 500) {
                        byte[] bytes = PayloadMapper.bytes(body[0]);
                        body[0] = null;
                        sent.add(senders.submit(() -> sales.expectSuccess("POST", entityBulk, bytes)));
                    }
                    try {
                        ps.setString(1, mapping.name());
                        ps.setString(2, PayloadMapper.key(row));
                        ps.setObject(3, PayloadMapper.recordId(row));
                        ps.setObject(4, salesId);
                        ps.setLong(5, version);
                        ps.setString(6, mapped.baseline().toString());
                        ps.setObject(7, jobId);
                        ps.setObject(8, now);
                        ps.setObject(9, now);
                        ps.addBatch();
                        if (++count[0] % 1000 == 0) {
                            ps.executeBatch();
                        }
                        if (count[0] % 20_000 == 0) {
                            c.commit();
                        }
                        if (count[0] % 200_000 == 0) {
                            Bench.log("  ... %,d records seeded", count[0]);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (body[0] != null) {
                    byte[] bytes = PayloadMapper.bytes(body[0]);
                    sent.add(senders.submit(() -> sales.expectSuccess("POST", entityBulk, bytes)));
                }
                ps.executeBatch();
            }
            c.commit();
        } finally {
            senders.shutdown();
        }
        for (Future<?> f : sent) {
            f.get();
        }
        store.couplings().inserted((int) n); // the planner statistics navsync's own initial pass leaves (PostgreSQL)
        store.watermarks().set(mapping.name(), Direction.ToIntegrationTable.name(), Long.toString(highest.get()));
        store.jobs().finish(jobId, SyncJob.SUCCEEDED, "benchmark setup: " + n + " couplings seeded in bulk");
        return n;
    }
}
