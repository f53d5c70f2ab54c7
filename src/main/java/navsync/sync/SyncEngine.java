package navsync.sync;

import javax.sql.DataSource;
import navsync.nav.NavQueries;
import navsync.nav.NavSchema;
import navsync.nav.NavWriter;
import navsync.sales.BulkActions;
import navsync.sales.DecimalPrecisions;
import navsync.sales.SalesBulkWriter;
import navsync.sales.SalesReader;
import navsync.sales.SalesWebApi;
import navsync.state.StateStore;

/** Builds the beans the synchronization routes call, from the NAV database, the Sales API and the state store. */
public final class SyncEngine {

    private final NavReader navReader;
    private final SalesSource salesSource;
    private final SyncSteps steps;
    private final OptionPass optionPass;
    private final CoupledFields coupledFields;
    private final InactivitySleep inactivitySleep;
    private final CouplingSweep couplingSweep;

    public SyncEngine(NavSchema schema, NavQueries queries, DataSource nav, SalesWebApi api, BulkActions bulkActions,
                      StateStore store, Mappings mappings, SynchronizationJobs jobs, int skipAfterFailures) {
        RelatedFirst relatedFirst = new RelatedFirst(jobs, mappings);
        Sides sides = new Sides(schema, mappings, new navsync.sales.SalesOrganization(api),
                new DecimalPrecisions(api));
        SalesReader reader = new SalesReader(api);
        NavWriter navWriter = new NavWriter(nav);
        NewRecords newRecords = new NewRecords(sides);
        Deletions deletions = new Deletions(newRecords, store, sides, reader, queries, nav, relatedFirst);
        this.navReader = new NavReader(queries, nav, store);
        this.salesSource = new SalesSource(reader, sides, store);
        this.inactivitySleep = new InactivitySleep(store, queries, nav, reader);
        this.couplingSweep = new CouplingSweep(store, deletions, reader);
        this.steps = new SyncSteps(store, new NavToSales(store, sides, reader, deletions, newRecords, queries, nav,
                relatedFirst), new SalesToNav(store, sides, queries, nav, navWriter, deletions, newRecords, relatedFirst),
                deletions, new SalesBulkWriter(api, bulkActions), api, navWriter, sides, skipAfterFailures);
        relatedFirst.use(navReader, salesSource, steps);
        this.optionPass = new OptionPass(store, new navsync.sales.OptionSets(api), sides, queries, nav, navWriter);
        this.coupledFields = new CoupledFields(sides, store, queries, nav, reader);
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

    public OptionPass optionPass() {
        return optionPass;
    }

    /** The mapping processor as the coupling procedures use it (preview, match-based coupling). */
    public CoupledFields coupledFields() {
        return coupledFields;
    }

    public InactivitySleep inactivitySleep() {
        return inactivitySleep;
    }
}
