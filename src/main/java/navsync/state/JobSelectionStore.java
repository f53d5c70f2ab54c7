package navsync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;

/**
 * The records a manual job runs for (Synchronize Now, Create in Sales / from Sales, Restore, the
 * matching of a match-based coupling), kept while it runs: a job cut off by a crash or a kill leaves
 * them, and the next start resumes it over the same records. Its own rows are removed when the job ends.
 */
public final class JobSelectionStore {

    /**
     * What a manual job does with its records; MATCH: a match-based coupling's matching, its records
     * the request (CouplingService.MatchRequest#asSelection), resumed by the coupling service.
     */
    public enum Kind { SYNCHRONIZE, CREATE, RESTORE, MATCH }

    /** The selection of a job: its mapping, pass, kind and records (NAV keys or Sales ids, by pass). */
    public record Selection(UUID jobId, String mapping, Direction pass, Kind kind, List<String> records) {
    }

    private static final int PER_PART = 1000;

    private final StateStore store;

    JobSelectionStore(StateStore store) {
        this.store = store;
    }

    /** Records (and commits) a job's selection. */
    public void record(Selection selection) {
        store.inTransaction(c -> {
            record(c, selection);
            return null;
        });
    }

    /** Records a job's selection on the caller's transaction. */
    public void record(Connection c, Selection s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_selection (job_id, part, mapping_name, direction,"
                + " kind, records, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = CouplingStore.now();
            for (int from = 0, part = 0; from < s.records().size(); from += PER_PART, part++) {
                ps.setObject(1, s.jobId());
                ps.setInt(2, part);
                ps.setString(3, s.mapping());
                ps.setString(4, s.pass().name());
                ps.setString(5, s.kind().name());
                ps.setString(6, String.join("\n", s.records().subList(from, Math.min(s.records().size(), from + PER_PART))));
                ps.setObject(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Removes a job's selection, if it has one. */
    public void delete(UUID jobId) {
        store.inTransaction(c -> {
            delete(c, jobId);
            return null;
        });
    }

    /** Removes a job's selection, if it has one, on the caller's transaction. */
    public void delete(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM job_selection WHERE job_id = ?")) {
            ps.setObject(1, jobId);
            ps.executeUpdate();
        }
    }

    /** The job's selection, if it is still recorded. */
    public java.util.Optional<Selection> find(UUID jobId) {
        return select(" WHERE s.job_id = ?", jobId).stream().findFirst();
    }

    /**
     * The selections whose job no longer runs (it was cut off, or it handed its records to a job that
     * never opened), oldest first: the work to resume.
     */
    public List<Selection> leftOver() {
        return select(" LEFT JOIN sync_job j ON j.id = s.job_id WHERE j.status IS NULL OR j.status <> '"
                + SyncJob.RUNNING + "'", null);
    }

    private List<Selection> select(String where, UUID jobId) {
        return store.inTransaction(c -> {
            Map<UUID, Selection> found = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.job_id, s.mapping_name, s.direction, s.kind,"
                    + " s.records FROM job_selection s" + where + " ORDER BY s.created_at, s.job_id, s.part")) {
                if (jobId != null) {
                    ps.setObject(1, jobId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        Selection s = found.get(id);
                        if (s == null) {
                            s = new Selection(id, rs.getString(2), Direction.valueOf(rs.getString(3)),
                                    Kind.valueOf(rs.getString(4)), new ArrayList<>());
                            found.put(id, s);
                        }
                        s.records().addAll(Arrays.asList(rs.getString(5).split("\n")));
                    }
                }
            }
            return found.values().stream().map(s -> new Selection(s.jobId(), s.mapping(), s.pass(), s.kind(),
                    List.copyOf(s.records()))).toList();
        });
    }
}
