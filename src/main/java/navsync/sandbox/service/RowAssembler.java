package navsync.sandbox.service;

import java.time.Instant;
import java.util.UUID;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.Derivation;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.RequiredLevel;
import navsync.sandbox.schema.SystemColumns;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;

/**
 * Builds the values of a new row, or of the next version of an existing row, from a {@link Payload}: applies the
 * columns valid for the operation, the platform defaults (state/status, owner, base currency, audit columns), the
 * computed columns, and the required-level check.
 *
 * <p>Required levels: only SystemRequired is enforced (on create, and when an update sets it to null [UPD]).
 * ApplicationRequired (e.g. account {@code name}, contact {@code lastname}) is a form-level requirement that the Web
 * API does not enforce, so a create without it succeeds (the reference lists the levels; that the service enforces
 * only SystemRequired is inference from Dataverse's documented meaning of the levels).
 */
final class RowAssembler {
    private final Identity identity;

    RowAssembler(Identity identity) {
        this.identity = identity;
    }

    Object[] forCreate(EntityType type, UUID id, Payload p, Instant now, long version) {
        Object[] values = new Object[type.attributeCount()];
        for (Attribute a : type.attributes()) {
            Object v = p.slot(a.index());
            if (v != null && a.validForCreate()) {
                values[a.index()] = v == Payload.NULL ? null : v;
            }
        }
        values[type.primaryKey().index()] = id;
        applyState(type, values, p, true, id);
        EntityReference caller = new EntityReference("systemuser", identity.userId());
        defaultOwner(type, values, caller);
        set(type, values, SystemColumns.CREATED_BY, caller);
        set(type, values, SystemColumns.MODIFIED_BY, caller);
        set(type, values, SystemColumns.CREATED_ON, now);
        set(type, values, SystemColumns.MODIFIED_ON, now);
        set(type, values, SystemColumns.VERSION_NUMBER, version);
        defaultCurrency(type, values);
        derive(type, values);
        for (Attribute a : type.systemRequired()) {
            if (values[a.index()] == null) {
                throw requiredMissing(type, a);
            }
        }
        return values;
    }

    Object[] forUpdate(EntityType type, Row existing, Payload p, Instant now, long version) {
        Object[] values = existing.copyValues();
        for (Attribute a : type.attributes()) {
            Object v = p.slot(a.index());
            if (v != null && a.validForUpdate()) {
                if (v == Payload.NULL) {
                    if (a.requiredLevel() == RequiredLevel.SYSTEM_REQUIRED) {
                        throw requiredMissing(type, a);
                    }
                    values[a.index()] = null;
                } else {
                    values[a.index()] = v;
                }
            }
        }
        applyState(type, values, p, false, existing.id());
        set(type, values, SystemColumns.MODIFIED_BY, new EntityReference("systemuser", identity.userId()));
        set(type, values, SystemColumns.MODIFIED_ON, now);
        set(type, values, SystemColumns.VERSION_NUMBER, version);
        defaultCurrency(type, values);
        derive(type, values);
        return values;
    }

    /**
     * statecode/statuscode: a status must belong to the row's state. Setting statecode alone picks the state's
     * default status; setting statuscode alone keeps the state and fails when the status belongs to another one
     * (inference, matching the platform message "N is not a valid status code for state code XState.Y").
     */
    private void applyState(EntityType type, Object[] values, Payload p, boolean create, UUID id) {
        Attribute state = type.attribute(SystemColumns.STATE_CODE);
        Attribute status = type.attribute(SystemColumns.STATUS_CODE);
        if (state == null || status == null) {
            return;
        }
        boolean stateGiven = !create && p.slot(state.index()) != null && state.validForUpdate();
        boolean statusGiven = p.slot(status.index()) != null && values[status.index()] != null;
        if (values[state.index()] == null) {
            values[state.index()] = 0; // new rows start in the first (Active) state
        }
        int s = (Integer) values[state.index()];
        if (stateGiven && !statusGiven) {
            values[status.index()] = state.stateLinks().get(s);
        } else if (values[status.index()] == null) {
            values[status.index()] = state.stateLinks().get(s);
        } else {
            int st = (Integer) values[status.index()];
            if (!status.stateLinks().get(st).equals(s)) {
                String entity = Character.toUpperCase(type.logicalName().charAt(0)) + type.logicalName().substring(1);
                throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT, st + " is not a valid status code for "
                        + "state code " + entity + "State." + state.options().get(s).replace(" ", "") + " on "
                        + type.logicalName() + " with Id " + id + ".");
            }
        }
    }

    /** Money columns carry a currency: default {@code transactioncurrencyid} to the base currency [CREATE, QDATA]. */
    private void defaultCurrency(EntityType type, Object[] values) {
        Attribute currency = type.attribute(SystemColumns.TRANSACTION_CURRENCY_ID);
        if (currency == null || values[currency.index()] != null || identity.baseCurrencyId() == null) {
            return;
        }
        for (Attribute a : type.attributes()) {
            if (a.type() == AttributeType.MONEY && values[a.index()] != null) {
                values[currency.index()] = new EntityReference("transactioncurrency", identity.baseCurrencyId());
                return;
            }
        }
    }

    private static void derive(EntityType type, Object[] values) {
        for (Derivation d : type.derivations()) {
            d.derive(values);
        }
    }

    private static void set(EntityType type, Object[] values, String name, Object value) {
        Attribute a = type.attribute(name);
        if (a != null) {
            values[a.index()] = value;
        }
    }

    /** ownerid defaults to the caller [E-ACCOUNT] (systemuser's own 'ownerid' is its inherited key, not a lookup). */
    private static void defaultOwner(EntityType type, Object[] values, EntityReference caller) {
        Attribute a = type.attribute(SystemColumns.OWNER_ID);
        if (a != null && a.type() == AttributeType.LOOKUP && values[a.index()] == null) {
            values[a.index()] = caller;
        }
    }

    private static DataverseException requiredMissing(EntityType type, Attribute a) {
        return DataverseException.badRequest(ErrorCodes.REQUIRED_FIELD_MISSING, "Required field missing. Attribute '"
                + a.logicalName() + "' of entity '" + type.logicalName() + "' cannot be NULL.");
    }
}
