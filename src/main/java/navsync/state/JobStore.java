package navsync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Synchronization jobs, their counters and their per-record errors. */
public final class JobStore {

    private static final String COLUMNS = "id, mapping_name, direction, job_type, status, started_at, finished_at,"
            + " inserted, modified, deleted, unchanged, skipped, failed, coupled, uncoupled, message";

    private final StateStore store;

    JobStore(StateStore store) {
        this.store = store;
    }

    /** Error of one record, to add with a batch's outcomes. */
    public record NewError(String navKey, UUID salesId, String message) {
    }

    /** Starts (and commits) a job, so it is visible while it runs. */
    public UUID start(String mapping, String direction, String type) {
        UUID id = UUID.randomUUID();
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_job (id, mapping_name, direction, job_type,"
                    + " status, started_at, instance_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, mapping);
                ps.setString(3, direction);
                ps.setString(4, type);
                ps.setString(5, SyncJob.RUNNING);
                ps.setObject(6, CouplingStore.now());
                ps.setObject(7, store.instances().id());
                ps.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** Adds a batch's counters and errors on the caller's transaction. */
    public void record(Connection c, UUID jobId, String mapping, JobCounters delta, List<NewError> errors)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_job SET inserted = inserted + ?, modified = modified + ?,"
                + " deleted = deleted + ?, unchanged = unchanged + ?, skipped = skipped + ?, failed = failed + ?,"
                + " coupled = coupled + ?, uncoupled = uncoupled + ? WHERE id = ?")) {
            ps.setInt(1, delta.inserted());
            ps.setInt(2, delta.modified());
            ps.setInt(3, delta.deleted());
            ps.setInt(4, delta.unchanged());
            ps.setInt(5, delta.skipped());
            ps.setInt(6, delta.failed());
            ps.setInt(7, delta.coupled());
            ps.setInt(8, delta.uncoupled());
            ps.setObject(9, jobId);
            ps.executeUpdate();
        }
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_job_error (job_id, mapping_name, nav_key,"
                + " sales_id, message, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = CouplingStore.now();
            for (NewError e : errors) {
                ps.setObject(1, jobId);
                ps.setString(2, mapping);
                ps.setString(3, e.navKey());
                ps.setObject(4, e.salesId());
                ps.setString(5, CouplingStore.truncate(e.message(), 2048));
                ps.setObject(6, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Jobs still marked running whose instance is gone ({@link Instances#isGone}: a crash or a kill cut
     * them off) become failed with {@code message}, keeping the counters their committed batches
     * reached; jobs of live instances sharing the store go on. The gone instances' rows are removed.
     *
     * @return how many jobs there were
     */
    public int failInterrupted(String message) {
        return store.inTransaction(c -> {
            OffsetDateTime now;
            try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                now = rs.getObject(1, OffsetDateTime.class);
            }
            List<UUID> jobs = new ArrayList<>();
            Map<UUID, Boolean> gone = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.instance_id, i.heartbeat_at FROM sync_job j"
                    + " LEFT JOIN navsync_instance i ON i.id = j.instance_id WHERE j.status = ?")) {
                ps.setString(1, SyncJob.RUNNING);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID instance = rs.getObject(2, UUID.class);
                        OffsetDateTime heartbeat = rs.getObject(3, OffsetDateTime.class);
                        if (instance == null // a job of a navsync version before instance ids
                                || gone.computeIfAbsent(instance, i -> store.instances().isGone(i, heartbeat, now))) {
                            jobs.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sync_job SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = ?")) {
                for (UUID job : jobs) {
                    ps.setString(1, SyncJob.FAILED);
                    ps.setObject(2, CouplingStore.now());
                    ps.setString(3, CouplingStore.truncate(message, 2048));
                    ps.setObject(4, job);
                    ps.setString(5, SyncJob.RUNNING);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Instances.forget(c, gone.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
            return jobs.size();
        });
    }

    public void finish(UUID jobId, String status, String message) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sync_job SET status = ?, finished_at = ?, message = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, CouplingStore.now());
                ps.setString(3, CouplingStore.truncate(message, 2048));
                ps.setObject(4, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<SyncJob> find(UUID jobId) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_job WHERE id = ?")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<SyncJob>empty();
                }
            }
        });
    }

    /** The newest jobs, optionally of one mapping. */
    public List<SyncJob> latest(String mapping, int limit) {
        return store.inTransaction(c -> {
            String sql = "SELECT " + COLUMNS + " FROM sync_job" + (mapping == null ? "" : " WHERE mapping_name = ?")
                    + " ORDER BY started_at DESC, id FETCH FIRST " + limit + " ROWS ONLY";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (mapping != null) {
                    ps.setString(1, mapping);
                }
                List<SyncJob> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(read(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /**
     * Which jobs to list: each filter may be null (any); {@code from}/{@code to} bound the start time
     * (from inclusive, to exclusive). Newest first, {@code limit} jobs after skipping {@code offset}.
     */
    public record JobQuery(String mapping, String direction, String status, String type, Instant from, Instant to,
                           int offset, int limit) {
    }

    /** One page of jobs and how many match in all. */
    public record JobPage(List<SyncJob> jobs, int total) {
    }

    public JobPage search(JobQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        condition(conditions, parameters, "mapping_name = ?", query.mapping());
        condition(conditions, parameters, "direction = ?", query.direction());
        condition(conditions, parameters, "status = ?", query.status());
        condition(conditions, parameters, "job_type = ?", query.type());
        condition(conditions, parameters, "started_at >= ?", query.from() == null ? null
                : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        condition(conditions, parameters, "started_at < ?", query.to() == null ? null
                : OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return store.inTransaction(c -> {
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sync_job" + where)) {
                bind(ps, parameters);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<SyncJob> jobs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_job" + where
                    + " ORDER BY started_at DESC, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
                int next = bind(ps, parameters);
                ps.setInt(next, query.offset());
                ps.setInt(next + 1, query.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(read(rs));
                    }
                }
            }
            return new JobPage(jobs, total);
        });
    }

    /** The newest job of a mapping in one direction (of any type but previews), if any. */
    public Optional<SyncJob> last(String mapping, String direction) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_job WHERE mapping_name = ?"
                    + " AND direction = ? AND job_type <> 'Preview' ORDER BY started_at DESC, id FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, mapping);
                ps.setString(2, direction);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<SyncJob>empty();
                }
            }
        });
    }

    /** The newest succeeded synchronization of a mapping in one direction, if any. */
    public Optional<SyncJob> lastSucceeded(String mapping, String direction) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_job WHERE mapping_name = ?"
                    + " AND direction = ? AND status = ? AND job_type = 'Synchronization'"
                    + " ORDER BY started_at DESC, id FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, mapping);
                ps.setString(2, direction);
                ps.setString(3, SyncJob.SUCCEEDED);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<SyncJob>empty();
                }
            }
        });
    }

    /** What a retention cleanup deleted. */
    public record Cleanup(int jobs, int errors) {
    }

    /**
     * Deletes finished jobs started before {@code cutoff} (their errors go with them) and errors
     * logged before it, except those of jobs a skipped coupling still refers to (NAV keeps them too:
     * they explain why the record is skipped). Works in chunks, one transaction each.
     */
    public Cleanup deleteOlderThan(Instant cutoff, int chunk) {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        // the (few) jobs skipped couplings refer to, found through the skipped flag's index
        String kept = " AND %1$s NOT IN (SELECT c.to_job_id FROM coupling c WHERE c.skipped = TRUE AND c.to_job_id IS NOT NULL"
                + " UNION SELECT c.from_job_id FROM coupling c WHERE c.skipped = TRUE AND c.from_job_id IS NOT NULL)";
        int errors = deleteInChunks("DELETE FROM sync_job_error WHERE id IN (SELECT e.id FROM sync_job_error e"
                + " WHERE e.created_at < ?" + kept.formatted("e.job_id") + " FETCH FIRST ? ROWS ONLY)", before, chunk);
        int jobs = deleteInChunks("DELETE FROM sync_job WHERE id IN (SELECT j.id FROM sync_job j WHERE j.started_at < ?"
                + " AND j.status <> '" + SyncJob.RUNNING + "'" + kept.formatted("j.id") + " FETCH FIRST ? ROWS ONLY)",
                before, chunk);
        return new Cleanup(jobs, errors);
    }

    private int deleteInChunks(String sql, OffsetDateTime before, int chunk) {
        int total = 0;
        int deleted;
        do {
            deleted = store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, before);
                    ps.setInt(2, chunk);
                    return ps.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == chunk);
        return total;
    }

    private static void condition(List<String> conditions, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            conditions.add(sql);
            parameters.add(value);
        }
    }

    private static int bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
        return parameters.size() + 1;
    }

    /**
     * Sales ids that failed without a coupling (no NAV key to retry them by, e.g. no number left in the
     * series) in this mapping's synchronizations of {@code direction} since its newest succeeded one,
     * that one included: the part of the retry set that the couplings cannot name.
     */
    public List<UUID> uncoupledFailures(String mapping, String direction) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT e.sales_id FROM sync_job j"
                    + " JOIN sync_job_error e ON e.job_id = j.id WHERE j.mapping_name = ? AND j.direction = ?"
                    + " AND j.job_type = 'Synchronization' AND e.nav_key IS NULL AND e.sales_id IS NOT NULL"
                    + " AND j.started_at >= COALESCE((SELECT MAX(s.started_at) FROM sync_job s WHERE s.mapping_name = ?"
                    + " AND s.direction = ? AND s.job_type = 'Synchronization' AND s.status = ?), j.started_at)")) {
                ps.setString(1, mapping);
                ps.setString(2, direction);
                ps.setString(3, mapping);
                ps.setString(4, direction);
                ps.setString(5, SyncJob.SUCCEEDED);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /** How many errors a job has. */
    public int errorCount(UUID jobId) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sync_job_error WHERE job_id = ?")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public List<JobError> errors(UUID jobId) {
        return errors(jobId, 0, Integer.MAX_VALUE);
    }

    /** A page of a job's errors, in the order they were logged. */
    public List<JobError> errors(UUID jobId, int offset, int limit) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, job_id, mapping_name, nav_key, sales_id, message,"
                    + " created_at FROM sync_job_error WHERE job_id = ? ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
                ps.setObject(1, jobId);
                ps.setInt(2, offset);
                ps.setInt(3, limit);
                List<JobError> errors = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        errors.add(new JobError(rs.getLong("id"), rs.getObject("job_id", UUID.class),
                                rs.getString("mapping_name"), rs.getString("nav_key"), rs.getObject("sales_id", UUID.class),
                                rs.getString("message"), CouplingStore.instant(rs, "created_at")));
                    }
                }
                return errors;
            }
        });
    }

    private static SyncJob read(ResultSet rs) throws SQLException {
        JobCounters counters = new JobCounters(rs.getInt("inserted"), rs.getInt("modified"), rs.getInt("deleted"),
                rs.getInt("unchanged"), rs.getInt("skipped"), rs.getInt("failed"), rs.getInt("coupled"),
                rs.getInt("uncoupled"));
        return new SyncJob(rs.getObject("id", UUID.class), rs.getString("mapping_name"), rs.getString("direction"),
                rs.getString("job_type"), rs.getString("status"), CouplingStore.instant(rs, "started_at"),
                CouplingStore.instant(rs, "finished_at"), counters, rs.getString("message"));
    }
}
