package navsync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import navsync.mapping.Direction;
import navsync.mapping.SkipPolicy;

/**
 * Couplings of NAV records with Sales rows. Lookups and updates work per batch of records (one
 * statement per batch), never per record; unique constraints keep one coupling per NAV record and
 * per Sales row within a mapping.
 */
public final class CouplingStore {

    /** Keys per IN list; well below the limits of SQL Server (2100 parameters) and PostgreSQL. */
    private static final int IN_CHUNK = 500;
    private static final String COLUMNS = "mapping_name, nav_key, nav_record_id, sales_id, nav_version, sales_modified_on,"
            + " sales_version, synced_values, to_result, to_job_id, to_synced_at, from_result, from_job_id, from_synced_at,"
            + " failure_count, last_error, skipped, created_at";

    /** Couplings inserted before PostgreSQL's planner statistics of the table are first refreshed. */
    static final long ANALYZE_AFTER_AT_LEAST = 10_000;

    private final StateStore store;
    private final AtomicLong insertedSinceAnalyze = new AtomicLong();
    private volatile long analyzeAfter = ANALYZE_AFTER_AT_LEAST;

    CouplingStore(StateStore store) {
        this.store = store;
    }

    /**
     * Counts couplings a committed batch inserted; on PostgreSQL, once they reach a fifth of the table
     * (10,000 at least), refreshes the planner's statistics of the table. An initial pass grows it from
     * nothing faster than autovacuum notices, and with an empty table's statistics the planner looked
     * couplings up by a mapping's whole result index (3 s per lookup at a million couplings).
     */
    public void inserted(int count) {
        if (!store.postgres() || count == 0 || insertedSinceAnalyze.addAndGet(count) < analyzeAfter) {
            return;
        }
        synchronized (insertedSinceAnalyze) {
            if (insertedSinceAnalyze.get() < analyzeAfter) {
                return;
            }
            insertedSinceAnalyze.set(0);
            long rows = store.inTransaction(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("ANALYZE coupling");
                    try (ResultSet rs = statement.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'coupling'::regclass")) {
                        return rs.next() ? (long) rs.getFloat(1) : 0L;
                    }
                }
            });
            analyzeAfter = Math.max(ANALYZE_AFTER_AT_LEAST, rows / 5);
        }
    }

    /** A coupling to record before the first write: the Sales id is decided here. */
    public record NewCoupling(String navKey, UUID navRecordId, UUID salesId) {
    }

    /** What a pass did to one coupled record. */
    public sealed interface Outcome permits Synchronized, Failed, Uncoupled {
        String navKey();
    }

    /** The coupling is removed (uncoupled, or both records are gone). */
    public record Uncoupled(String navKey) implements Outcome {
    }

    /**
     * Written (or found unchanged): the new baseline of the pair; {@code awaitingSecondPass} when a
     * second-pass lookup still waits for its related record.
     */
    public record Synchronized(String navKey, long navVersion, String syncedValues, boolean awaitingSecondPass)
            implements Outcome {
        public Synchronized(String navKey, long navVersion, String syncedValues) {
            this(navKey, navVersion, syncedValues, false);
        }

        public Synchronized awaiting() {
            return new Synchronized(navKey, navVersion, syncedValues, true);
        }

        SyncResult result() {
            return awaitingSecondPass ? SyncResult.Partial : SyncResult.Success;
        }
    }

    /**
     * Failed in this pass; retried next run. A transient failure (throttling, an outage) never makes
     * the record skipped. {@code syncedValues}: the new baseline when part of the record's writes
     * landed (its Sales write, before the NAV write failed), else null (the baseline stays).
     */
    public record Failed(String navKey, String message, boolean transientFailure, String syncedValues) implements Outcome {
        public Failed(String navKey, String message, boolean transientFailure) {
            this(navKey, message, transientFailure, null);
        }

        public Failed(String navKey, String message) {
            this(navKey, message, false);
        }
    }

    public Map<String, Coupling> findByNavKeys(String mapping, Collection<String> navKeys) {
        return findBy(mapping, "nav_key", navKeys, Coupling::navKey);
    }

    public Optional<Coupling> findByNavKey(String mapping, String navKey) {
        return Optional.ofNullable(findByNavKeys(mapping, List.of(navKey)).get(navKey));
    }

    public Optional<Coupling> findBySalesId(String mapping, UUID salesId) {
        return Optional.ofNullable(findBySalesIds(mapping, List.of(salesId)).get(salesId));
    }

    public Map<UUID, Coupling> findBySalesIds(String mapping, Collection<UUID> salesIds) {
        return findBy(mapping, "sales_id", salesIds, Coupling::salesId);
    }

    /**
     * The couplings whose {@code column} is one of {@code values}, by that value, one query per chunk.
     * Each database gets the form it serves from the index: H2 a row-value IN over (mapping_name, column)
     * ({@code mapping_name = ? AND column IN (...)} makes it scan every coupling of the mapping),
     * PostgreSQL {@code = ANY (array)} (planning the row-value IN of 500 pairs takes it ~100 ms).
     */
    private <K> Map<K, Coupling> findBy(String mapping, String column, Collection<K> values,
                                        java.util.function.Function<Coupling, K> keyOf) {
        if (values.isEmpty()) {
            return new HashMap<>();
        }
        return store.inTransaction(c -> findBy(c, mapping, column, values, keyOf));
    }

    private <K> Map<K, Coupling> findBy(Connection c, String mapping, String column, Collection<K> values,
                                        java.util.function.Function<Coupling, K> keyOf) throws SQLException {
        Map<K, Coupling> out = new HashMap<>();
        List<K> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<K> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String sql = "SELECT " + COLUMNS + " FROM coupling WHERE " + (store.postgres()
                    ? "mapping_name = ? AND " + column + " = ANY (?)"
                    : "(mapping_name, " + column + ") IN (" + "(?, ?),".repeat(chunk.size() - 1) + "(?, ?))");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (store.postgres()) {
                    ps.setString(1, mapping);
                    ps.setArray(2, c.createArrayOf(chunk.get(0) instanceof UUID ? "uuid" : "varchar", chunk.toArray()));
                } else {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(2 * i + 1, mapping);
                        ps.setObject(2 * i + 2, chunk.get(i));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Coupling coupling = read(rs);
                        out.put(keyOf.apply(coupling), coupling);
                    }
                }
            }
        }
        return out;
    }

    /** NAV keys of failed, not skipped couplings: the retry set of a pass. */
    public List<String> failedNavKeys(String mapping, Direction pass) {
        return navKeysWithResult(mapping, pass, SyncResult.Failure);
    }

    /** NAV keys of couplings whose second-pass lookups wait: the records of a second pass. */
    public List<String> awaitingSecondPass(String mapping, Direction pass) {
        return navKeysWithResult(mapping, pass, SyncResult.Partial);
    }

    /** An equality on the result column, so that H2 seeks the (mapping, result, skipped) index; an IN list would scan. */
    private List<String> navKeysWithResult(String mapping, Direction pass, SyncResult result) {
        String column = resultColumn(pass);
        return store.inTransaction(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT nav_key FROM coupling WHERE mapping_name = ? AND "
                    + column + " = ? AND skipped = FALSE ORDER BY nav_key")) {
                ps.setString(1, mapping);
                ps.setString(2, result.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys;
        });
    }

    /** A coupling as the deletion sweep sees it. */
    public record CoupledPair(String navKey, UUID salesId) {
    }

    /**
     * The next {@code limit} synchronized, not skipped couplings after {@code afterKey} (from the first
     * when null), in NAV key order: the deletion sweep pages through a mapping's couplings this way
     * without holding them all or a cursor open. Pending couplings (never written) are left out.
     */
    public List<CoupledPair> synchronizedAfter(String mapping, String afterKey, int limit) {
        return synchronizedAfter(mapping, afterKey, limit, null);
    }

    /** Like {@link #synchronizedAfter(String, String, int)}, leaving out the couplings {@code exceptJob} just synchronized. */
    public List<CoupledPair> synchronizedAfter(String mapping, String afterKey, int limit, UUID exceptJob) {
        return store.inTransaction(c -> {
            List<CoupledPair> page = new ArrayList<>(limit);
            try (PreparedStatement ps = c.prepareStatement("SELECT nav_key, sales_id FROM coupling WHERE mapping_name = ?"
                    + " AND nav_version IS NOT NULL AND skipped = FALSE" + (afterKey == null ? "" : " AND nav_key > ?")
                    + (exceptJob == null ? "" : " AND (to_job_id IS NULL OR to_job_id <> ?)"
                            + " AND (from_job_id IS NULL OR from_job_id <> ?)")
                    // ordered like the primary key, so that H2 reads the index in order instead of sorting
                    + " ORDER BY mapping_name, nav_key LIMIT ?")) {
                int i = 1;
                ps.setString(i++, mapping);
                if (afterKey != null) {
                    ps.setString(i++, afterKey);
                }
                if (exceptJob != null) {
                    ps.setObject(i++, exceptJob);
                    ps.setObject(i++, exceptJob);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(new CoupledPair(rs.getString(1), rs.getObject(2, UUID.class)));
                    }
                }
            }
            return page;
        });
    }

    /** The highest NAV key of this length and prefix that a coupling holds (new keys of a number series go above it). */
    public String highestNavKey(String mapping, String prefix, int length) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(nav_key) FROM coupling WHERE mapping_name = ?"
                    + " AND nav_key LIKE ? AND LENGTH(nav_key) = ?")) {
                ps.setString(1, mapping);
                ps.setString(2, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                ps.setInt(3, length);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public int count(String mapping) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM coupling WHERE mapping_name = ?")) {
                ps.setString(1, mapping);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Removes every coupling of a mapping (NAV's "Delete Couplings" of a table); returns how many there were. */
    public int deleteAll(String mapping) {
        return store.inTransaction(c -> {
            try (PreparedStatement intents = c.prepareStatement("DELETE FROM coupling_intent WHERE mapping_name = ?");
                 PreparedStatement ps = c.prepareStatement("DELETE FROM coupling WHERE mapping_name = ?")) {
                intents.setString(1, mapping);
                intents.executeUpdate();
                ps.setString(1, mapping);
                return ps.executeUpdate();
            }
        });
    }

    /** Which couplings in error to list: failed (not skipped), skipped, or both (null). */
    public enum ErrorState { failed, skipped }

    /** A coupling in error, with when its failing pass ran (null once retention removed that job). */
    public record CouplingError(Coupling coupling, Instant failedAt) {
    }

    /** A mapping's couplings in error: failed and retried on every run, or skipped. */
    public record ErrorCounts(int failed, int skipped) {
    }

    /** The condition of couplings in {@code state} (either when null), columns prefixed with {@code alias}. */
    private static String errorCondition(ErrorState state, String alias) {
        String failed = "(" + alias + "to_result = 'Failure' OR " + alias + "from_result = 'Failure')";
        String skipped = alias + "skipped = TRUE";
        return state == null ? "(" + skipped + " OR " + failed + ")"
                : state == ErrorState.skipped ? skipped : failed + " AND " + alias + "skipped = FALSE";
    }

    /**
     * Couplings in error (NAV's "Coupled Data Synchronization Errors"), of one mapping or all (null),
     * by mapping and NAV key, {@code limit} after skipping {@code offset}.
     */
    public List<CouplingError> errors(String mapping, ErrorState state, int offset, int limit) {
        String columns = String.join(", ", java.util.Arrays.stream(COLUMNS.split(",")).map(col -> "c." + col.trim())
                .toList());
        String sql = "SELECT " + columns + ", tj.started_at AS to_failed_at, fj.started_at AS from_failed_at"
                + " FROM coupling c"
                + " LEFT JOIN sync_job tj ON tj.id = c.to_job_id AND c.to_result = 'Failure'"
                + " LEFT JOIN sync_job fj ON fj.id = c.from_job_id AND c.from_result = 'Failure'"
                + " WHERE " + errorCondition(state, "c.")
                + (mapping == null ? "" : " AND c.mapping_name = ?")
                + " ORDER BY c.mapping_name, c.nav_key OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (mapping != null) {
                    ps.setString(i++, mapping);
                }
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                List<CouplingError> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant to = instant(rs, "to_failed_at");
                        Instant from = instant(rs, "from_failed_at");
                        out.add(new CouplingError(read(rs), to == null || from != null && from.isAfter(to) ? from : to));
                    }
                }
                return out;
            }
        });
    }

    /** How many couplings of a mapping (or all, null) are in the given error state (both when null). */
    public int countErrors(String mapping, ErrorState state) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM coupling WHERE " + errorCondition(state, "")
                    + (mapping == null ? "" : " AND mapping_name = ?"))) {
                if (mapping != null) {
                    ps.setString(1, mapping);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public ErrorCounts errorCounts(String mapping) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT"
                    + " COALESCE(SUM(CASE WHEN " + errorCondition(ErrorState.failed, "") + " THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN skipped = TRUE THEN 1 ELSE 0 END), 0)"
                    + " FROM coupling WHERE mapping_name = ? AND " + errorCondition(null, ""))) {
                ps.setString(1, mapping);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new ErrorCounts(rs.getInt(1), rs.getInt(2));
                }
            }
        });
    }

    /**
     * NAV's Retry: the coupling is no longer skipped and its failures count from zero, so the next
     * run takes the record (its failed pass keeps it in the retry set). Returns whether it exists.
     */
    public boolean retry(String mapping, String navKey) {
        return retry(mapping, List.of(navKey)) > 0;
    }

    /** Retry of these couplings, in one transaction; returns how many exist. */
    public int retry(String mapping, List<String> navKeys) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE coupling SET skipped = FALSE, failure_count = 0"
                    + " WHERE mapping_name = ? AND nav_key = ?")) {
                for (String navKey : navKeys) {
                    ps.setString(1, mapping);
                    ps.setString(2, navKey);
                    ps.addBatch();
                }
                int updated = 0;
                for (int count : ps.executeBatch()) {
                    updated += count > 0 ? 1 : 0;
                }
                return updated;
            }
        });
    }

    /** Retry of every coupling in error of a mapping; returns how many. */
    public int retryAll(String mapping) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE coupling SET skipped = FALSE, failure_count = 0"
                    + " WHERE mapping_name = ? AND " + errorCondition(null, ""))) {
                ps.setString(1, mapping);
                return ps.executeUpdate();
            }
        });
    }

    /** Records new couplings and commits them, before anything is written to Sales. */
    public void insertPending(String mapping, List<NewCoupling> couplings) {
        if (couplings.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            insertPending(c, mapping, couplings);
            return null;
        });
    }

    /** Records new couplings on the caller's transaction. */
    public static void insertPending(Connection c, String mapping, Collection<NewCoupling> couplings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupling (mapping_name, nav_key, nav_record_id,"
                + " sales_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            OffsetDateTime now = now();
            for (NewCoupling n : couplings) {
                ps.setString(1, mapping);
                ps.setString(2, n.navKey());
                ps.setObject(3, n.navRecordId());
                ps.setObject(4, n.salesId());
                ps.setObject(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The new couplings of a batch, recorded (committed) before its writes; see {@link #recordIntent}. */
    public record Intent(UUID id, List<NewCoupling> couplings) {
    }

    /**
     * Records the new couplings of a batch as one row and commits it, before anything is written: the
     * batch's {@link #applyOutcomes} inserts them and removes the row. Null when there are none.
     */
    public Intent recordIntent(String mapping, List<NewCoupling> couplings) {
        if (couplings.isEmpty()) {
            return null;
        }
        Intent intent = new Intent(UUID.randomUUID(), List.copyOf(couplings));
        StringBuilder lines = new StringBuilder(couplings.size() * 64);
        for (NewCoupling n : couplings) {
            lines.append(n.salesId()).append('\t').append(n.navRecordId() == null ? "" : n.navRecordId())
                    .append('\t').append(n.navKey()).append('\n');
        }
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupling_intent (id, mapping_name, couplings,"
                    + " created_at) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, intent.id());
                ps.setString(2, mapping);
                ps.setString(3, lines.toString());
                ps.setObject(4, now());
                ps.executeUpdate();
            }
            return null;
        });
        return intent;
    }

    /**
     * Turns the intents a dead process left for a mapping into pending couplings (those whose NAV key
     * and Sales id are not coupled yet), so that its next pass writes under the same ids. Call only
     * while holding the mapping. Returns how many couplings it added.
     */
    public int recoverIntents(String mapping) {
        return store.inTransaction(c -> {
            List<NewCoupling> left = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT couplings FROM coupling_intent WHERE mapping_name = ?")) {
                ps.setString(1, mapping);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (String line : rs.getString(1).split("\n")) {
                            String[] parts = line.split("\t", 3);
                            left.add(new NewCoupling(parts[2], parts[1].isEmpty() ? null : UUID.fromString(parts[1]),
                                    UUID.fromString(parts[0])));
                        }
                    }
                }
            }
            if (left.isEmpty()) {
                return 0;
            }
            Map<String, NewCoupling> byKey = new HashMap<>();
            left.forEach(n -> byKey.put(n.navKey(), n));
            Map<String, Coupling> coupled = findBy(c, mapping, "nav_key", byKey.keySet(), Coupling::navKey);
            Map<UUID, Coupling> bySales = findBy(c, mapping, "sales_id",
                    byKey.values().stream().map(NewCoupling::salesId).toList(), Coupling::salesId);
            byKey.values().removeIf(n -> coupled.containsKey(n.navKey()) || bySales.containsKey(n.salesId()));
            insertPending(c, mapping, byKey.values());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM coupling_intent WHERE mapping_name = ?")) {
                ps.setString(1, mapping);
                ps.executeUpdate();
            }
            return byKey.size();
        });
    }

    /**
     * Applies the outcomes of one batch of a pass on {@code c} (the caller's transaction, which also
     * holds the job counters and errors of the batch).
     */
    public int applyOutcomes(Connection c, String mapping, Direction pass, UUID jobId, SkipPolicy skip,
                             List<? extends Outcome> outcomes) throws SQLException {
        return applyOutcomes(c, mapping, pass, jobId, skip, outcomes, null);
    }

    /**
     * As above, for a batch that recorded an {@link Intent}: its new couplings are inserted (those
     * synchronized with their baseline in one write, the others pending, then their outcome applied)
     * and the intent is removed.
     *
     * @return how many of the failed records this failure made skipped (none was skipped before: a
     *         pass leaves skipped records out)
     */
    public int applyOutcomes(Connection c, String mapping, Direction pass, UUID jobId, SkipPolicy skip,
                             List<? extends Outcome> outcomes, Intent intent) throws SQLException {
        String prefix = pass == Direction.ToIntegrationTable ? "to_" : "from_";
        OffsetDateTime now = now();
        if (intent != null) {
            outcomes = insertNew(c, mapping, prefix, jobId, now, outcomes, intent);
        }
        try (PreparedStatement ok = c.prepareStatement("UPDATE coupling SET nav_version = ?, synced_values = ?, "
                + prefix + "result = ?, " + prefix + "job_id = ?, " + prefix + "synced_at = ?, failure_count = 0,"
                + " last_error = NULL WHERE mapping_name = ? AND nav_key = ?");
             PreparedStatement failed = c.prepareStatement("UPDATE coupling SET " + prefix + "result = ?, "
                     + prefix + "job_id = ?, failure_count = failure_count + 1, synced_values = COALESCE(?, synced_values),"
                     + " skipped = CASE WHEN ? AND (failure_count + 1 >= ? OR ? AND last_error = ?) THEN TRUE ELSE skipped END,"
                     + " last_error = ? WHERE mapping_name = ? AND nav_key = ?")) {
            for (Outcome outcome : outcomes) {
                if (outcome instanceof Synchronized s) {
                    ok.setLong(1, s.navVersion());
                    ok.setString(2, s.syncedValues());
                    ok.setString(3, s.result().name());
                    ok.setObject(4, jobId);
                    ok.setObject(5, now);
                    ok.setString(6, mapping);
                    ok.setString(7, s.navKey());
                    ok.addBatch();
                } else if (outcome instanceof Failed f) {
                    String message = truncate(f.message(), 2048);
                    failed.setString(1, SyncResult.Failure.name());
                    failed.setObject(2, jobId);
                    failed.setString(3, f.syncedValues());
                    failed.setBoolean(4, !f.transientFailure());
                    failed.setInt(5, skip.afterFailures());
                    failed.setBoolean(6, skip.sameErrorTwice());
                    failed.setString(7, message);
                    failed.setString(8, message);
                    failed.setString(9, mapping);
                    failed.setString(10, f.navKey());
                    failed.addBatch();
                }
            }
            ok.executeBatch();
            failed.executeBatch();
        }
        try (PreparedStatement removed = c.prepareStatement("DELETE FROM coupling WHERE mapping_name = ? AND nav_key = ?")) {
            for (Outcome outcome : outcomes) {
                if (outcome instanceof Uncoupled u) {
                    removed.setString(1, mapping);
                    removed.setString(2, u.navKey());
                    removed.addBatch();
                }
            }
            removed.executeBatch();
        }
        List<String> failedKeys = outcomes.stream().filter(o -> o instanceof Failed).map(Outcome::navKey).toList();
        if (failedKeys.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM coupling WHERE mapping_name = ?"
                + " AND skipped = TRUE AND nav_key IN (" + String.join(",", Collections.nCopies(failedKeys.size(), "?")) + ")")) {
            ps.setString(1, mapping);
            for (int i = 0; i < failedKeys.size(); i++) {
                ps.setString(i + 2, failedKeys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Inserts an intent's couplings and removes it; returns the outcomes left to apply as updates. */
    private static List<? extends Outcome> insertNew(Connection c, String mapping, String prefix, UUID jobId,
                                                     OffsetDateTime now, List<? extends Outcome> outcomes, Intent intent)
            throws SQLException {
        Map<String, NewCoupling> fresh = new HashMap<>();
        intent.couplings().forEach(n -> fresh.put(n.navKey(), n));
        List<Outcome> rest = new ArrayList<>(outcomes.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupling (mapping_name, nav_key, nav_record_id,"
                + " sales_id, nav_version, synced_values, " + prefix + "result, " + prefix + "job_id, " + prefix
                + "synced_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Outcome outcome : outcomes) {
                NewCoupling n = outcome instanceof Synchronized ? fresh.remove(outcome.navKey()) : null;
                if (n == null) {
                    rest.add(outcome);
                    continue;
                }
                Synchronized s = (Synchronized) outcome;
                ps.setString(1, mapping);
                ps.setString(2, n.navKey());
                ps.setObject(3, n.navRecordId());
                ps.setObject(4, n.salesId());
                ps.setLong(5, s.navVersion());
                ps.setString(6, s.syncedValues());
                ps.setString(7, s.result().name());
                ps.setObject(8, jobId);
                ps.setObject(9, now);
                ps.setObject(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertPending(c, mapping, fresh.values());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM coupling_intent WHERE id = ?")) {
            ps.setObject(1, intent.id());
            ps.executeUpdate();
        }
        return rest;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String resultColumn(Direction pass) {
        return pass == Direction.ToIntegrationTable ? "to_result" : "from_result";
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Coupling read(ResultSet rs) throws SQLException {
        return new Coupling(rs.getString("mapping_name"), rs.getString("nav_key"),
                rs.getObject("nav_record_id", UUID.class), rs.getObject("sales_id", UUID.class),
                (Long) rs.getObject("nav_version", Long.class), instant(rs, "sales_modified_on"),
                (Long) rs.getObject("sales_version", Long.class), rs.getString("synced_values"),
                result(rs.getString("to_result")), rs.getObject("to_job_id", UUID.class), instant(rs, "to_synced_at"),
                result(rs.getString("from_result")), rs.getObject("from_job_id", UUID.class), instant(rs, "from_synced_at"),
                rs.getInt("failure_count"), rs.getString("last_error"), rs.getBoolean("skipped"), instant(rs, "created_at"));
    }

    private static SyncResult result(String text) {
        return text == null ? null : SyncResult.valueOf(text);
    }

}
