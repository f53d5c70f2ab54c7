package navsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput check, not part of the normal suite: {@code mvn -Dtest=SandboxThroughputCheck
 * -Dnavsync.sandbox.benchmark=true test}. 100,000 accounts through UpsertMultiple (create, then update), then read
 * back with paging; prints records/s.
 */
@EnabledIfSystemProperty(named = "navsync.sandbox.benchmark", matches = "true")
class SandboxThroughputCheck {
    private static final int RECORDS = Integer.getInteger("navsync.sandbox.benchmark.records", 100_000);

    @Test
    void upsertMultipleThroughput() throws Exception {
        run(20_000, 1000, 4, false); // JIT warm-up, not reported
        run(RECORDS, 1000, 4, true);
        run(RECORDS, 500, 8, true);
    }

    private void run(int records, int batchSize, int threads, boolean report) throws Exception {
        try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults().withThreads(8))) {
            WebApi api = new WebApi(sandbox);
            List<UUID> ids = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                ids.add(UUID.randomUUID());
            }
            List<String> creates = bodies(ids, batchSize, "Customer ");
            List<String> updates = bodies(ids, batchSize, "Renamed ");
            double create = send(api, creates, threads);
            assertEquals(records, sandbox.rowCount("accounts"));
            double update = send(api, updates, threads);
            assertEquals(records, sandbox.rowCount("accounts"));
            long t0 = System.nanoTime();
            int read = 0;
            String url = api.root() + "accounts?$select=name,accountnumber";
            while (url != null) {
                JsonNode b = api.get(url, "Prefer", "odata.maxpagesize=5000").expect(200).json();
                read += b.get("value").size();
                url = b.has("@odata.nextLink") ? b.get("@odata.nextLink").asText() : null;
            }
            double readSecs = (System.nanoTime() - t0) / 1e9;
            assertEquals(records, read);
            if (!report) {
                return;
            }
            System.out.printf("UpsertMultiple %,d accounts, batch %d, %d client threads: create %.2f s (%,.0f rec/s), "
                    + "update %.2f s (%,.0f rec/s); paged read (5000/page) %.2f s (%,.0f rec/s)%n", records, batchSize,
                    threads, create, records / create, update, records / update, readSecs, records / readSecs);
        }
    }

    private static List<String> bodies(List<UUID> ids, int batchSize, String prefix) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += batchSize) {
            StringBuilder sb = new StringBuilder("{\"Targets\":[");
            for (int i = from; i < Math.min(from + batchSize, ids.size()); i++) {
                if (i > from) {
                    sb.append(',');
                }
                sb.append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"").append(ids.get(i))
                        .append("\",\"name\":\"").append(prefix).append(i).append("\",\"accountnumber\":\"C")
                        .append(i).append("\",\"telephone1\":\"+1 555 0100\",\"emailaddress1\":\"c").append(i)
                        .append("@example.com\",\"address1_line1\":\"1 Main Street\",\"address1_city\":\"Seattle\","
                                + "\"address1_postalcode\":\"98101\",\"address1_country\":\"US\",\"creditlimit\":10000,"
                                + "\"customertypecode\":3}");
            }
            out.add(sb.append("]}").toString());
        }
        return out;
    }

    private static double send(WebApi api, List<String> bodies, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        HttpRequest req = api.request("accounts/Microsoft.Dynamics.CRM.UpsertMultiple")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                        api.send(req).expect(204);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
