package navsync.testing;

import java.time.Duration;
import java.util.UUID;
import navsync.mapping.Direction;

/**
 * Puts CUSTOMER couplings in error the way real runs do, for the status tests: customer 10000 fails
 * (a name too long for Sales) until it is skipped, and customer 20000 loses its Sales row.
 */
public final class FailingRecords {

    private static final String CUSTOMERS = NavTables.table("Customer");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private FailingRecords() {
    }

    /**
     * Runs CUSTOMER NAV -> Sales with 10000's name too long until 10000 is skipped (the app runs with
     * {@code navsync.sync.skip-after-failures=2}), having coupled the others.
     */
    public static void skipCustomer10000(NavsyncTestApp app) {
        NavTables nav = new NavTables(app.nav());
        // a customized NAV database (a partner widened Name); Dataverse's account name stays 160
        nav.execute("ALTER TABLE " + CUSTOMERS + " ALTER COLUMN [Name] NVARCHAR(250) NOT NULL");
        nav.execute("UPDATE " + CUSTOMERS + " SET [Name] = 'The Cannon Group PLC " + "x".repeat(180) + "' WHERE [No_] = '10000'");
        for (int run = 0; run < 2; run++) {
            app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, TIMEOUT);
        }
    }

    /** Deletes the Sales row of a coupled customer and edits the customer, so the next run fails on it. */
    public static UUID deleteSalesRowAndEdit(NavsyncTestApp app, String navKey) {
        UUID salesId = app.store().couplings().findByNavKey("CUSTOMER", navKey).orElseThrow().salesId();
        new SalesRows(app.sandbox().organizationUrl()).delete("accounts", salesId);
        new NavTables(app.nav()).execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '" + navKey + "'");
        app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, TIMEOUT);
        return salesId;
    }
}
