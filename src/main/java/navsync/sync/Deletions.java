package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavChange;

/**
 * A coupled pair whose other side was deleted (NAV's deletion conflict), resolved by the mapping's
 * deletionResolution: fail, restore the deleted side, uncouple, or delete the surviving side too. A
 * Restore from the status API resolves by restoring, whatever the mapping says.
 */
final class Deletions {

    private final NewRecords newRecords;

    Deletions(NewRecords newRecords) {
        this.newRecords = newRecords;
    }

    /** The NAV record survives; its coupled Sales row is gone. */
    void salesRowDeleted(SyncBatch batch, String navKey, UUID salesId, long version, Sides.NavSide nav) {
        IntegrationTableMapping mapping = batch.run.mapping();
        switch (batch.run.deletionResolution()) {
            case none -> batch.fail(navKey, salesId, "NAV " + mapping.table() + " " + navKey + " is coupled to Sales "
                    + mapping.entity().logicalName() + " " + salesId + ", which was deleted (deletionResolution: none)");
            case restore -> batch.plans.add(newRecords.salesRow(mapping, navKey, salesId, nav, version));
            case uncouple -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, null, null, version,
                    SyncBatch.Effect.UNCOUPLED));
            case propagate -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, new NavChange.Delete(navKey),
                    null, version, SyncBatch.Effect.DELETED));
        }
    }

    /** The Sales row survives; its coupled NAV record is gone. */
    void navRecordDeleted(SyncBatch batch, String navKey, UUID salesId, ObjectNode salesNow, LookupCouplings lookups) {
        IntegrationTableMapping mapping = batch.run.mapping();
        switch (batch.run.deletionResolution()) {
            case none -> batch.fail(navKey, salesId, "Sales " + mapping.entity().logicalName() + " " + salesId
                    + " is coupled to NAV " + mapping.table() + " " + navKey + ", which was deleted (deletionResolution: none)");
            case restore -> batch.plans.add(newRecords.navRecord(mapping, navKey, salesId, salesNow, lookups));
            case uncouple -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, null, null, 0,
                    SyncBatch.Effect.UNCOUPLED));
            case propagate -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, salesId, null, null, 0,
                    SyncBatch.Effect.DELETED));
        }
    }
}
