package navsync.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import navsync.nav.NavSchema;

/**
 * The sandbox's raw bulk ingest ceiling: the same rows navsync writes, as UpsertMultiple bodies built
 * before the clock starts (same batch size, same attributes, ids decided up front), sent by a minimal
 * client with a fixed number of requests in flight. Nothing is read, mapped or committed while timed.
 */
final class BulkCeiling {

    private static int lastRecords;

    private BulkCeiling() {
    }

    /** UpsertMultiple bodies of the rows navsync's first pass reads, {@code batchSize} targets each. */
    static List<byte[]> bodies(DataSource nav, NavSchema schema, PayloadMapper mapper, int batchSize) {
        String idProperty = mapper.mapping().entity().primaryId();
        String type = mapper.mapping().entity().odataType();
        List<byte[]> bodies = new ArrayList<>();
        ObjectNode[] root = {null};
        AtomicInteger inBatch = new AtomicInteger();
        long records = NavFixture.forEachRow(nav, schema, mapper.mapping(), row -> {
            if (root[0] == null) {
                root[0] = Bench.object();
                root[0].putArray("Targets");
            }
            ObjectNode target = ((ArrayNode) root[0].get("Targets")).addObject();
            target.put("@odata.type", type);
            target.put(idProperty, UUID.randomUUID().toString());
            target.setAll(mapper.payload(row));
            if (inBatch.incrementAndGet() == batchSize) {
                bodies.add(PayloadMapper.bytes(root[0]));
                root[0] = null;
                inBatch.set(0);
            }
        });
        if (root[0] != null) {
            bodies.add(PayloadMapper.bytes(root[0]));
        }
        lastRecords = (int) records;
        return bodies;
    }

    /** The number of rows navsync's first pass reads. */
    static long count(DataSource nav, NavSchema schema, navsync.mapping.IntegrationTableMapping mapping) {
        return NavFixture.forEachRow(nav, schema, mapping, row -> { });
    }

    static int lastRecordCount() {
        return lastRecords;
    }

    /** Sends the bodies with {@code parallel} requests in flight; returns the seconds it took. */
    static double send(SalesClient sales, String relative, List<byte[]> bodies, int parallel) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        sales.expectSuccess("POST", relative, bodies.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Bench.seconds(System.nanoTime() - t0);
    }
}
