package navsync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.sandbox.service.DemoData;
import navsync.state.Coupling;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import navsync.testing.NavsyncTestApp;

/**
 * The lookups of the CUSTOMER mapping (Salesperson Code -> ownerid through SALESPEOPLE, Currency
 * Code -> transactioncurrencyid through CURRENCY) coupled as in a configured organization: the
 * sandbox's demo organization has the CRONUS salespeople as users and the currencies, and each NAV
 * salesperson and currency is coupled to its row, so every account gets its owner and currency.
 */
final class Lookups {

    static final String SALESPEOPLE = "SALESPEOPLE";
    static final String CURRENCY = "CURRENCY";
    private static final List<String> SALESPERSON_CODES = List.of("BC", "JO", "OF", "PS", "RB");
    private static final List<String> CURRENCY_CODES = List.of("CAD", "DKK", "EUR", "GBP", "USD");

    private Lookups() {
    }

    /** NAV code -> Sales id per lookup mapping, as {@link #couple} couples them. */
    static Map<String, Map<String, UUID>> demo() {
        Map<String, Map<String, UUID>> out = new LinkedHashMap<>();
        Map<String, UUID> people = new LinkedHashMap<>();
        SALESPERSON_CODES.forEach(c -> people.put(c, DemoData.salespersonId(c)));
        Map<String, UUID> currencies = new LinkedHashMap<>();
        CURRENCY_CODES.forEach(c -> currencies.put(c, DemoData.currencyId(c)));
        out.put(SALESPEOPLE, people);
        out.put(CURRENCY, currencies);
        return out;
    }

    /**
     * Couples the salespeople and currencies through navsync's coupling API (by Sales id), then runs
     * their mappings once so the couplings are synchronized (a pending coupling does not translate).
     */
    static void couple(NavsyncTestApp app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Map<String, UUID>> demo = demo();
        for (Map.Entry<String, Map<String, UUID>> mapping : demo.entrySet()) {
            for (Map.Entry<String, UUID> e : mapping.getValue().entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(app.apiUrl("/api/mappings/" + mapping.getKey()
                                + "/records/" + e.getKey() + "/coupling")))
                        .timeout(Duration.ofMinutes(1)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"salesId\": \"" + e.getValue()
                                + "\", \"synchronize\": \"none\"}")).build();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("coupling " + mapping.getKey() + " " + e.getKey() + " answered "
                            + r.statusCode() + ": " + r.body());
                }
            }
        }
        for (Map.Entry<String, Direction> pass : Map.of(SALESPEOPLE, Direction.FromIntegrationTable, CURRENCY,
                Direction.ToIntegrationTable).entrySet()) {
            for (SyncJob job : app.synchronization().run(pass.getKey(), pass.getValue(), Duration.ofMinutes(5))) {
                if (!SyncJob.SUCCEEDED.equals(job.status()) || job.counters().failed() > 0) {
                    throw new IllegalStateException("setting up " + pass.getKey() + ": " + job.message());
                }
            }
        }
        Map<String, Map<String, UUID>> coupled = fromStore(app.store());
        if (!coupled.equals(demo)) {
            throw new IllegalStateException("lookup couplings after setup: " + coupled + ", wanted " + demo);
        }
    }

    /** NAV code -> Sales id of the synchronized couplings of the lookup mappings. */
    static Map<String, Map<String, UUID>> fromStore(StateStore store) {
        Map<String, Map<String, UUID>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, UUID>> mapping : demo().entrySet()) {
            Map<String, UUID> ids = new LinkedHashMap<>();
            Map<String, Coupling> found = store.couplings().findByNavKeys(mapping.getKey(), mapping.getValue().keySet());
            for (String code : mapping.getValue().keySet()) {
                Coupling c = found.get(code);
                if (c != null && !c.isPending()) {
                    ids.put(code, c.salesId());
                }
            }
            out.put(mapping.getKey(), ids);
        }
        return out;
    }
}
