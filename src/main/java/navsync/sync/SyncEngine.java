package navsync.sync;

import javax.sql.DataSource;
import navsync.nav.NavQueries;
import navsync.nav.NavSchema;
import navsync.nav.NavWriter;
import navsync.sales.BulkActions;
import navsync.sales.SalesBulkWriter;
import navsync.sales.SalesReader;
import navsync.sales.SalesWebApi;
import navsync.state.StateStore;

/** Builds the beans the synchronization routes call, from the NAV database, the Sales API and the state store. */
public final class SyncEngine {

    private final NavReader navReader;
    private final SalesSource salesSource;
    private final SyncSteps steps;

    public SyncEngine(NavSchema schema, NavQueries queries, DataSource nav, SalesWebApi api, BulkActions bulkActions,
                      StateStore store, Mappings mappings, int skipAfterFailures) {
        Sides sides = new Sides(schema, mappings);
        SalesReader reader = new SalesReader(api);
        NavWriter navWriter = new NavWriter(nav);
        NewRecords newRecords = new NewRecords(sides);
        Deletions deletions = new Deletions(newRecords);
        this.navReader = new NavReader(queries, nav, store);
        this.salesSource = new SalesSource(reader, sides, store);
        this.steps = new SyncSteps(store, new NavToSales(store, sides, reader, deletions, newRecords, queries, nav),
                new SalesToNav(store, sides, queries, nav, navWriter, deletions, newRecords), new SalesBulkWriter(api, bulkActions), api,
                navWriter, sides, skipAfterFailures);
    }

    public NavReader navReader() {
        return navReader;
    }

    public SalesSource salesSource() {
        return salesSource;
    }

    public SyncSteps steps() {
        return steps;
    }
}
