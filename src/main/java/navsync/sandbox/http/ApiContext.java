package navsync.sandbox.http;

import navsync.sandbox.odata.QueryExecutor;
import navsync.sandbox.service.ChangeTracking;
import navsync.sandbox.service.EntityService;
import navsync.sandbox.service.Identity;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.store.DataStore;

/** What the endpoints share; {@code withoutBulkActions}: tables (logical names) the bulk actions refuse. */
record ApiContext(DataStore store, EntityService service, PayloadReader reader, QueryExecutor executor,
                  Identity identity, EntityJson json, ChangeTracking changes, java.util.Set<String> withoutBulkActions) {
}
