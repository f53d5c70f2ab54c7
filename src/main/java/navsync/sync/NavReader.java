package navsync.sync;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.nav.NavQuery;
import navsync.nav.NavRows;
import navsync.state.StateStore;
import org.apache.camel.Exchange;

/**
 * The NAV reader of the NAV -> Sales route: prepares the streamed changed-rows read that camel-jdbc
 * runs, cuts streams into batches, and reads the retry set (records that failed last time).
 */
public final class NavReader {

    /** camel-jdbc's header for named parameters ({@code :?name}). */
    static final String JDBC_PARAMETERS = "CamelJdbcParameters";

    private final NavQueries queries;
    private final DataSource navDataSource;
    private final StateStore store;

    public NavReader(NavQueries queries, DataSource navDataSource, StateStore store) {
        this.queries = queries;
        this.navDataSource = navDataSource;
        this.store = store;
    }

    /** Sets the body to the changed-rows SELECT and its parameters for camel-jdbc. */
    public void changedRowsQuery(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        NavQuery query = queries.changedRows(run.mapping(), run.startVersion(), navDataSource);
        exchange.getMessage().setHeader(JDBC_PARAMETERS, query.parameters());
        exchange.getMessage().setBody(query.sql());
    }

    /** The streamed rows of the body in batches of the mapping's batch size. */
    public Iterator<List<Map<String, Object>>> batches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        @SuppressWarnings("unchecked")
        Iterator<Map<String, Object>> rows = exchange.getMessage().getBody(Iterator.class);
        return new Batches<>(rows, run.mapping().batchSize());
    }

    /** The NAV rows of a "Synchronize Now" selection, by key, one batch at a time. */
    public Iterator<List<Map<String, Object>>> selectedBatches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        return rowsByKeys(run.mapping(), run.selection(), false);
    }

    Iterator<List<Map<String, Object>>> rowsByKeys(IntegrationTableMapping mapping, List<String> keys,
                                                          boolean filtered) {
        Iterator<List<String>> keyBatches = new Batches<>(keys.iterator(), mapping.batchSize());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keyBatches.hasNext();
            }

            @Override
            public List<Map<String, Object>> next() {
                return NavRows.query(navDataSource, queries.rowsByKeys(mapping, keyBatches.next(), filtered));
            }
        };
    }

    /**
     * The retry set: NAV rows of couplings whose last pass failed and that are not skipped, read by
     * key one batch at a time, whatever the watermark says.
     */
    public Iterator<List<Map<String, Object>>> retryBatches(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        List<String> keys = store.couplings().failedNavKeys(mapping.name(), Direction.ToIntegrationTable);
        keys.forEach(run::markRetried);
        return rowsByKeys(mapping, keys, true);
    }
}
