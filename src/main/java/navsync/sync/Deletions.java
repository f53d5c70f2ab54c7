package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavChange;
import navsync.sales.SalesWrite;

/**
 * A coupled pair whose other side was deleted (NAV's deletion conflict), resolved by the mapping's
 * deletionResolution: fail, restore the deleted side, uncouple, or delete the surviving side too.
 */
final class Deletions {

    private final Sides sides;

    Deletions(Sides sides) {
        this.sides = sides;
    }

    /** The NAV record survives; its coupled Sales row is gone. */
    void salesRowDeleted(SyncBatch batch, String navKey, UUID salesId, long version, Sides.NavSide nav) {
        IntegrationTableMapping mapping = batch.run.mapping();
        switch (mapping.deletionResolution()) {
            case none -> batch.fail(navKey, salesId, "NAV " + mapping.table() + " " + navKey + " is coupled to Sales "
                    + mapping.entity().logicalName() + " " + salesId + ", which was deleted (deletionResolution: none)");
            case restore -> {
                sides.resolveUncoupled(mapping, nav, null);
                ObjectNode payload = sides.salesPayload(mapping, Sides.flowing(mapping, nav.values(), Direction.ToIntegrationTable));
                payload.setAll(sides.salesConstants(mapping, null));
                batch.plans.add(new SyncBatch.Plan(navKey, salesId, new SalesWrite(navKey, salesId, payload), null, null,
                        Sides.newBaseline(mapping, nav.values(), Direction.ToIntegrationTable), version,
                        SyncBatch.Effect.INSERTED));
            }
            case uncouple -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, null, null, version,
                    SyncBatch.Effect.UNCOUPLED));
            case propagate -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, new NavChange.Delete(navKey),
                    null, version, SyncBatch.Effect.DELETED));
        }
    }

    /** The Sales row survives; its coupled NAV record is gone. */
    void navRecordDeleted(SyncBatch batch, String navKey, UUID salesId, ObjectNode salesNow, LookupCouplings lookups) {
        IntegrationTableMapping mapping = batch.run.mapping();
        switch (mapping.deletionResolution()) {
            case none -> batch.fail(navKey, salesId, "Sales " + mapping.entity().logicalName() + " " + salesId
                    + " is coupled to NAV " + mapping.table() + " " + navKey + ", which was deleted (deletionResolution: none)");
            case restore -> batch.plans.add(navInsert(mapping, navKey, salesId, salesNow, lookups));
            case uncouple -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, null, null, 0,
                    SyncBatch.Effect.UNCOUPLED));
            case propagate -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, salesId, null, null, 0,
                    SyncBatch.Effect.DELETED));
        }
    }

    /** A new NAV record from a Sales row: its values flowing to NAV, the From constants, the key given. */
    SyncBatch.Plan navInsert(IntegrationTableMapping mapping, String navKey, UUID salesId, ObjectNode salesNow,
                             LookupCouplings lookups) {
        Map<String, Object> values = new LinkedHashMap<>(sides.navValues(mapping,
                Sides.flowing(mapping, salesNow, Direction.FromIntegrationTable), lookups));
        values.putAll(sides.navConstants(mapping));
        return new SyncBatch.Plan(navKey, salesId, null, null, new NavChange.Insert(navKey, values),
                Sides.newBaseline(mapping, salesNow, Direction.FromIntegrationTable), 0, SyncBatch.Effect.INSERTED);
    }
}
