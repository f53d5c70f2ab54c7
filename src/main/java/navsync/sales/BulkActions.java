package navsync.sales;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import navsync.mapping.SalesEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Sales table has the bulk actions, probed once per table the documented way: a
 * {@code sdkmessagefilters} row for {@code CreateMultiple} and for {@code UpdateMultiple};
 * {@code UpsertMultiple} is available where both are. A probe that fails (no privilege to read
 * message filters, an outage) counts as available: the bulk request then fails with its own message.
 */
public final class BulkActions {

    private static final Logger LOG = LoggerFactory.getLogger(BulkActions.class);

    /** The bulk actions of one table. */
    public record Availability(boolean createMultiple, boolean updateMultiple) {
        public boolean upsertMultiple() {
            return createMultiple && updateMultiple;
        }
    }

    private final SalesWebApi api;
    private final Map<String, Availability> known = new ConcurrentHashMap<>();

    public BulkActions(SalesWebApi api) {
        this.api = api;
    }

    public Availability of(SalesEntity entity) {
        return known.computeIfAbsent(entity.logicalName(),
                table -> new Availability(has(table, "CreateMultiple"), has(table, "UpdateMultiple")));
    }

    private boolean has(String table, String message) {
        SalesResponse response = api.get("sdkmessagefilters?$select=sdkmessagefilterid&$filter="
                + SalesReader.encode("sdkmessageid/name eq @message and primaryobjecttypecode eq @table")
                + "&@message=" + SalesReader.encode("'" + message + "'") + "&@table=" + SalesReader.encode("'" + table + "'"));
        if (!response.isSuccess()) {
            LOG.warn("Cannot tell whether Sales table {} has {} ({}); assuming it has", table, message, response.error());
            return true;
        }
        return response.json().path("value").size() > 0;
    }
}
