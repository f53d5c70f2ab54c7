package navsync.sandbox.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.RowKey;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;
import navsync.sandbox.store.Table;

/**
 * The write semantics of the Web API on top of the store: create, upsert/update with preconditions, delete, and the
 * bulk actions CreateMultiple/UpdateMultiple/UpsertMultiple. Every operation is atomic per request: all checks run
 * before anything becomes visible, and one failing bulk target fails the whole request with that target's error
 * ("Standard tables: any error rolls back the whole request" [BULK]). Rows are addressed by id or by an alternate
 * key [ALTKEY].
 */
public final class EntityService {
    private static final String ALREADY_EXISTS = "A record with matching key values already exists.";
    private static final String VERSION_MISMATCH =
            "The version of the existing record doesn't match the RowVersion property provided.";

    private final DataStore store;
    private final RowAssembler assembler;
    private final Clock clock;

    public EntityService(DataStore store, Identity identity, Clock clock) {
        this.store = store;
        this.assembler = new RowAssembler(identity);
        this.clock = clock;
    }

    /** 404 ObjectDoesNotExist when missing; message as documented in [COND]. */
    public Row retrieve(EntityType type, RowKey key) {
        Row row = null;
        UUID id = resolve(type, key);
        if (id != null) {
            row = store.table(type).get(id);
        }
        if (row == null) {
            throw notFound(type, key, ErrorCodes.OBJECT_DOES_NOT_EXIST);
        }
        return row;
    }

    /** The id a key names, null when no row has these alternate-key values (an id is returned as is). */
    public UUID resolve(EntityType type, RowKey key) {
        if (key instanceof RowKey.Id byId) {
            return byId.id();
        }
        RowKey.Alternate alt = (RowKey.Alternate) key;
        return store.table(type).findByKey(alt.key(), alt.values());
    }

    /**
     * POST: new row with the body's primary key or a new id. An id that already exists fails with 412 and
     * DuplicateRecord (status from [COMPOSE] "412 ... DuplicateRecord", code from [ERRCODES]; the message is the one
     * [COND] documents for the same condition on upsert — that POST gives this exact text is inference).
     */
    public Row create(EntityType type, Payload p) {
        checkForeignReferences(type, List.of(p));
        UUID id = p.primaryKey() != null ? p.primaryKey() : newId();
        return table(type).write(tx -> {
            Instant now = tx.timestamp(now());
            if (tx.get(id) != null) {
                throw new DataverseException(412, ErrorCodes.DUPLICATE_RECORD, ALREADY_EXISTS);
            }
            checkOwnReferences(type, p, tx);
            Row row = created(type, id, p, now);
            tx.put(row);
            return row;
        });
    }

    /**
     * PATCH {@code set(key)}: upsert [UPD]. If-Match (any) prevents create: 404 with the documented empty-code body;
     * If-None-Match: * prevents update: 412; a stale If-Match ETag: 412 [COND]. With an alternate key, a create takes
     * the key values from the URL and an update ignores key values in the body [UPD].
     */
    public UpsertResult upsert(EntityType type, RowKey key, Payload p, Precondition pre) {
        if (key instanceof RowKey.Id byId && p.primaryKey() != null && !p.primaryKey().equals(byId.id())) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT, "The value of '"
                    + type.primaryKey().logicalName() + "' in the request body doesn't match the key in the request URI.");
        }
        checkForeignReferences(type, List.of(p));
        return table(type).write(tx -> {
            Instant now = tx.timestamp(now());
            UUID id = find(type, key, tx);
            Row existing = id == null ? null : tx.get(id);
            if (existing == null) {
                if (pre.requiresExisting()) {
                    throw notFound(type, key, ErrorCodes.EMPTY);
                }
                return new UpsertResult(insert(type, key, p, tx, now), true);
            }
            if (pre.ifNoneMatchAny()) {
                throw new DataverseException(412, ErrorCodes.EMPTY, ALREADY_EXISTS);
            }
            if (!pre.matches(existing.etag())) {
                throw new DataverseException(412, ErrorCodes.EMPTY, VERSION_MISMATCH);
            }
            checkOwnReferences(type, p, tx);
            Row row = updated(type, existing, withoutKeyColumns(key, p), now);
            tx.put(row);
            return new UpsertResult(row, false);
        });
    }

    /** DELETE: 204, 404 when missing, 412 on a stale If-Match ETag [UPD, COND]. */
    public void delete(EntityType type, RowKey key, Precondition pre) {
        table(type).write(tx -> {
            UUID id = find(type, key, tx);
            Row existing = id == null ? null : tx.get(id);
            if (existing == null) {
                throw notFound(type, key, ErrorCodes.OBJECT_DOES_NOT_EXIST);
            }
            if (!pre.matches(existing.etag())) {
                throw new DataverseException(412, ErrorCodes.EMPTY, VERSION_MISMATCH);
            }
            tx.delete(id, store.nextVersion());
            return null;
        });
    }

    /** CreateMultiple: ids in Targets order [BULK]. Duplicate or existing ids fail like a single create. */
    public List<UUID> createMultiple(EntityType type, List<Payload> targets) {
        checkForeignReferences(type, targets);
        List<UUID> ids = new ArrayList<>(targets.size());
        for (Payload p : targets) {
            ids.add(p.primaryKey() != null ? p.primaryKey() : newId());
        }
        return table(type).write(tx -> {
            Instant now = tx.timestamp(now());
            for (int i = 0; i < targets.size(); i++) {
                Payload p = targets.get(i);
                UUID id = ids.get(i);
                if (tx.get(id) != null) {
                    throw new DataverseException(412, ErrorCodes.DUPLICATE_RECORD, ALREADY_EXISTS);
                }
                checkOwnReferences(type, p, tx);
                tx.put(created(type, id, p, now));
            }
            return ids;
        });
    }

    /**
     * UpdateMultiple: every target must carry its primary key and exist; a key repeated in Targets is applied once,
     * from its first occurrence ("only the first is applied, later ones ignored" [BULK]). "Using alternate keys with
     * Web API and UpdateMultiple is not supported" [BULK].
     */
    public void updateMultiple(EntityType type, List<Payload> targets) {
        List<Payload> unique = new ArrayList<>(targets.size());
        Set<UUID> seen = new HashSet<>();
        for (Payload p : targets) {
            if (p.alternateKey() != null) {
                throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT,
                        "Using alternate keys with Web API and UpdateMultiple is not supported.");
            }
            requireKey(type, p);
            if (seen.add(p.primaryKey())) {
                unique.add(p);
            }
        }
        checkForeignReferences(type, unique);
        table(type).write(tx -> {
            Instant now = tx.timestamp(now());
            for (Payload p : unique) {
                Row existing = tx.get(p.primaryKey());
                if (existing == null) {
                    throw DataverseException.notFound(ErrorCodes.OBJECT_DOES_NOT_EXIST, type.logicalName(), p.primaryKey());
                }
                checkOwnReferences(type, p, tx);
                tx.put(updated(type, existing, p, now));
            }
            return null;
        });
    }

    /**
     * UpsertMultiple: key in the body, or {@code @odata.id} by id or alternate key [BULK]; duplicate keys in Targets
     * are an error [BULK] (HTTP 400 with DuplicateRecord's code: status and text are inference, the reference only
     * says "error").
     */
    public void upsertMultiple(EntityType type, List<Payload> targets) {
        Set<Object> seen = new HashSet<>(targets.size() * 2);
        for (Payload p : targets) {
            Object key = p.alternateKey() != null ? p.alternateKey() : requireKey(type, p);
            if (!seen.add(key)) {
                throw DataverseException.badRequest(ErrorCodes.DUPLICATE_RECORD, "Targets contains more than one record "
                        + "with the key " + describe(type, p) + ".");
            }
        }
        checkForeignReferences(type, targets);
        table(type).write(tx -> {
            Instant now = tx.timestamp(now());
            for (Payload p : targets) {
                RowKey key = p.alternateKey() != null ? p.alternateKey() : new RowKey.Id(p.primaryKey());
                UUID id = find(type, key, tx);
                Row existing = id == null ? null : tx.get(id);
                checkOwnReferences(type, p, tx);
                if (existing == null) {
                    insert(type, key, p, tx, now);
                } else {
                    tx.put(updated(type, existing, withoutKeyColumns(key, p), now));
                }
            }
            return null;
        });
    }

    /** 404 for a key that names no row; alternate keys get the platform's own text (inference). */
    private static DataverseException notFound(EntityType type, RowKey key, String code) {
        if (key instanceof RowKey.Id byId) {
            return DataverseException.notFound(code, type.logicalName(), byId.id());
        }
        return keyNotFound(type);
    }

    /** No row has the alternate-key values (message as the platform words it; inference, not in the reference). */
    static DataverseException keyNotFound(EntityType type) {
        return new DataverseException(404, ErrorCodes.OBJECT_DOES_NOT_EXIST,
                "A record with the specified key values does not exist in " + type.logicalName() + " entity");
    }

    private static UUID requireKey(EntityType type, Payload p) {
        if (p.primaryKey() == null) {
            throw DataverseException.badRequest(ErrorCodes.INVALID_ARGUMENT, "Each item in 'Targets' must contain the "
                    + "primary key '" + type.primaryKey().logicalName() + "' (or an '@odata.id').");
        }
        return p.primaryKey();
    }

    private static String describe(EntityType type, Payload p) {
        return p.alternateKey() != null ? p.alternateKey().urlForm()
                : type.primaryKey().logicalName() + "=" + p.primaryKey();
    }

    private static UUID find(EntityType type, RowKey key, Table.Transaction tx) {
        if (key instanceof RowKey.Id byId) {
            return byId.id();
        }
        RowKey.Alternate alt = (RowKey.Alternate) key;
        return tx.findByKey(alt.key(), alt.values());
    }

    /** A new row for an upsert: the id from the URL (or body), or for an alternate key a new id and the URL's values. */
    private Row insert(EntityType type, RowKey key, Payload p, Table.Transaction tx, Instant now) {
        UUID id;
        if (key instanceof RowKey.Id byId) {
            id = byId.id();
        } else {
            RowKey.Alternate alt = (RowKey.Alternate) key;
            id = p.primaryKey() != null ? p.primaryKey() : newId();
            for (int i = 0; i < alt.values().size(); i++) {
                Attribute a = alt.key().attributes().get(i);
                Object v = alt.values().get(i);
                p.set(a.index(), a.type() == AttributeType.LOOKUP
                        ? new EntityReference(a.navigation().values().iterator().next().get(0), (UUID) v) : v);
            }
        }
        checkOwnReferences(type, p, tx);
        Row row = created(type, id, p, now);
        tx.put(row);
        return row;
    }

    /** "Don't put alternate-key values in the body (ignored on update)" [UPD]. */
    private static Payload withoutKeyColumns(RowKey key, Payload p) {
        if (key instanceof RowKey.Alternate alt) {
            for (Attribute a : alt.key().attributes()) {
                p.set(a.index(), null);
            }
        }
        return p;
    }

    /* Versions are allocated under the table's write lock, so within a table they grow in commit order. */
    private Row created(EntityType type, UUID id, Payload p, Instant now) {
        long version = store.nextVersion();
        return new Row(id, version, assembler.forCreate(type, id, p, now, version));
    }

    private Row updated(EntityType type, Row existing, Payload p, Instant now) {
        long version = store.nextVersion();
        return new Row(existing.id(), version, assembler.forUpdate(type, existing, p, now, version));
    }

    /** Lookups into other tables must point to existing rows (checked before taking this table's lock). */
    private void checkForeignReferences(EntityType type, List<Payload> payloads) {
        for (Payload p : payloads) {
            for (EntityReference ref : p.references()) {
                if (!ref.logicalName().equals(type.logicalName())) {
                    Table target = store.table(ref.logicalName());
                    if (target == null) {
                        throw DataverseException.notImplemented("References to '" + ref.logicalName() + "' rows");
                    }
                    if (target.get(ref.id()) == null) {
                        throw referenceMissing(ref);
                    }
                }
            }
        }
    }

    /** Lookups into the same table may point to rows created earlier in the same request. */
    private static void checkOwnReferences(EntityType type, Payload p, Table.Transaction tx) {
        for (EntityReference ref : p.references()) {
            if (ref.logicalName().equals(type.logicalName()) && tx.get(ref.id()) == null) {
                throw referenceMissing(ref);
            }
        }
    }

    /** A bind to a missing row: 404 ObjectDoesNotExist "x With Id = ... Does Not Exist" (inference). */
    private static DataverseException referenceMissing(EntityReference ref) {
        return DataverseException.notFound(ErrorCodes.OBJECT_DOES_NOT_EXIST, ref.logicalName(), ref.id());
    }

    private Table table(EntityType type) {
        return store.table(type);
    }

    /**
     * Taken under the table's write lock, so modifiedon never decreases in commit order within a table: a client
     * that reads {@code modifiedon ge <last seen>} doesn't miss rows committed after its read.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A random (version 4) id; ThreadLocalRandom avoids SecureRandom contention on the bulk path. */
    private static UUID newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
