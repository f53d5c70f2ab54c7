package navsync.sync;

import javax.sql.DataSource;
import navsync.nav.NavQueries;
import navsync.nav.NavSchema;
import navsync.nav.NavWriter;
import navsync.sales.SalesBulkWriter;
import navsync.sales.SalesReader;
import navsync.sales.SalesWebApi;
import navsync.state.StateStore;

/** Builds the beans the synchronization routes call, from the NAV database, the Sales API and the state store. */
public final class SyncEngine {

    private final NavReader navReader;
    private final SalesSource salesSource;
    private final SyncSteps steps;
    private final CouplingSweep couplingSweep;

    public SyncEngine(NavSchema schema, NavQueries queries, DataSource nav, SalesWebApi api, StateStore store,
                      Mappings mappings, SynchronizationJobs jobs, int skipAfterFailures) {
        RelatedFirst relatedFirst = new RelatedFirst(jobs, mappings);
        Sides sides = new Sides(schema, mappings);
        SalesReader reader = new SalesReader(api);
        NavWriter navWriter = new NavWriter(nav);
        NewRecords newRecords = new NewRecords(sides);
        Deletions deletions = new Deletions(newRecords, store, sides, reader, queries, nav, relatedFirst);
        this.navReader = new NavReader(queries, nav, store);
        this.salesSource = new SalesSource(reader, sides, store);
        this.couplingSweep = new CouplingSweep(store, deletions, reader);
        this.steps = new SyncSteps(store, new NavToSales(store, sides, reader, deletions, newRecords, queries, nav,
                relatedFirst), new SalesToNav(store, sides, queries, nav, navWriter, deletions, newRecords, relatedFirst),
                deletions, new SalesBulkWriter(api), api, navWriter, sides, skipAfterFailures);
        relatedFirst.use(navReader, salesSource, steps);
    }

    public NavReader navReader() {
        return navReader;
    }

    public SalesSource salesSource() {
        return salesSource;
    }

    public CouplingSweep couplingSweep() {
        return couplingSweep;
    }

    public SyncSteps steps() {
        return steps;
    }
}
