package navsync.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.demo.SyntheticCustomers;
import navsync.testing.NavsyncTestApp;

/**
 * Measures the deletion sweep on many couplings (not a test; run by hand, see docs/deletions.md):
 * {@code N} NAV customers, each coupled with an account in the sandbox, {@code GONE} deleted on each
 * side; then one sweep of the NAV side only and one of both sides, timed, with the heap in use.
 * Arguments: number of couplings (default 100000).
 */
public final class DeletionSweepCost {

    private static final String COMPANY = "CRONUS International Ltd_";
    private static final int GONE = 10;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("sweep-cost");
        try (NavsyncTestApp app = NavsyncTestApp.start(dir, Map.of())) {
            IntegrationTableMapping mapping = app.bean("mappings", Mappings.class).get("CUSTOMER");
            long t0 = System.nanoTime();
            SyntheticCustomers.insert(app.nav(), COMPANY, n, 42);
            List<String> keys = new ArrayList<>();
            try (Connection c = app.nav().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT [No_] FROM [" + COMPANY + "$Customer] ORDER BY [No_]")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            List<UUID> ids = keys.stream().map(k -> UUID.randomUUID()).toList();
            seedAccounts(app.sandbox().webApiUrl(), ids);
            seedCouplings(app, keys, ids);
            System.out.printf("seeded %d customers, accounts and couplings in %.1f s%n", keys.size(), secs(t0));

            try (Statement s = app.nav().getConnection().createStatement()) {
                for (int i = 0; i < GONE; i++) {
                    s.executeUpdate("DELETE FROM [" + COMPANY + "$Customer] WHERE [No_] = '" + keys.get(i * 997) + "'");
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < GONE; i++) {
                http.send(HttpRequest.newBuilder(URI.create(app.sandbox().webApiUrl() + "accounts(" + ids.get(i * 991 + 1) + ")"))
                        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            long pages = System.nanoTime();
            String after = null;
            for (List<navsync.state.CouplingStore.CoupledPair> page; !(page = app.store().couplings()
                    .synchronizedAfter("CUSTOMER", after, CouplingSweep.COUPLINGS_PER_PAGE)).isEmpty(); ) {
                after = page.get(page.size() - 1).navKey();
            }
            System.out.printf("reading the couplings alone, page by page: %.2f s%n", secs(pages));
            CouplingSweep sweep = app.bean("couplingSweep", CouplingSweep.class);
            for (boolean salesSide : new boolean[] {false, true, false, true}) {
                System.gc();
                long heapBefore = usedHeap();
                long requestsBefore = app.sandbox().requestCount();
                long start = System.nanoTime();
                int navGone = 0;
                int salesGone = 0;
                for (Iterator<Deletions.Gone> found = sweep.sweep(mapping, salesSide, null); found.hasNext(); ) {
                    Deletions.Gone gone = found.next();
                    if (gone instanceof Deletions.NavRecordsGone g) {
                        navGone += g.navKeys().size();
                    } else {
                        salesGone += ((Deletions.SalesRowsGone) gone).salesIds().size();
                    }
                }
                System.out.printf("sweep of %d couplings, %s: %.2f s, %d Sales requests, found %d NAV and %d Sales"
                                + " deletions, heap in use %d MB before%n", keys.size(),
                        salesSide ? "NAV and Sales sides" : "NAV side only", secs(start),
                        app.sandbox().requestCount() - requestsBefore, navGone, salesGone, heapBefore >> 20);
            }
        }
    }

    private static void seedAccounts(String webApi, List<UUID> ids) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int from = 0; from < ids.size(); from += 500) {
            StringBuilder body = new StringBuilder("{\"Targets\":[");
            for (int i = from; i < Math.min(ids.size(), from + 500); i++) {
                body.append(i == from ? "" : ",").append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"")
                        .append(ids.get(i)).append("\",\"name\":\"Account ").append(i).append("\",\"customertypecode\":3}");
            }
            body.append("]}");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webApi
                            + "accounts/Microsoft.Dynamics.CRM.UpsertMultiple")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("UpsertMultiple answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private static void seedCouplings(NavsyncTestApp app, List<String> keys, List<UUID> ids) throws Exception {
        try (Connection c = app.store().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupling (mapping_name, nav_key, sales_id,"
                    + " nav_version, synced_values, to_result, created_at) VALUES ('CUSTOMER', ?, ?, 1, '{}', 'Success', ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(1, keys.get(i));
                    ps.setObject(2, ids.get(i));
                    ps.setObject(3, now);
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
