package navsync.nav;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes records to a NAV table the way NAV's SQL layout needs: an insert fills every NOT NULL
 * column (given value, else default, else NAV's blank) and lets the database set {@code timestamp};
 * BC's {@code $system*} columns are maintained. All changes of a batch go in one transaction.
 */
public final class NavWriter {

    private static final String SYSTEM_ID = "$systemId";
    private static final String CREATED_AT = "$systemCreatedAt";
    private static final String MODIFIED_AT = "$systemModifiedAt";

    private final DataSource dataSource;

    public NavWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** New row versions of the records written, by key, and the error of each record that failed. */
    public record Outcome(Map<String, Long> versions, Map<String, String> failures) {
    }

    /**
     * Applies the changes in one transaction; when that fails, applies them one by one so that only
     * the failing records fail, each with the database's message.
     *
     * @param blanks NAV's blank of every column, used for inserts where no value or default is given
     */
    public Outcome apply(NavTable table, String keyColumn, Map<String, Object> defaults, Map<String, Object> blanks,
                         List<NavChange> changes) {
        if (changes.isEmpty()) {
            return new Outcome(Map.of(), Map.of());
        }
        try {
            return new Outcome(applyAll(table, keyColumn, defaults, blanks, changes), Map.of());
        } catch (IllegalStateException batchFailed) {
            Map<String, Long> versions = new HashMap<>();
            Map<String, String> failures = new HashMap<>();
            for (NavChange change : changes) {
                try {
                    versions.putAll(applyAll(table, keyColumn, defaults, blanks, List.of(change)));
                } catch (IllegalStateException e) {
                    failures.put(change.key(), e.getMessage());
                }
            }
            return new Outcome(versions, failures);
        }
    }

    private Map<String, Long> applyAll(NavTable table, String keyColumn, Map<String, Object> defaults,
                                       Map<String, Object> blanks, List<NavChange> changes) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> written = new ArrayList<>();
                for (NavChange change : changes) {
                    if (change instanceof NavChange.Insert insert) {
                        insert(c, table, keyColumn, defaults, blanks, insert);
                        written.add(insert.key());
                    } else if (change instanceof NavChange.Update update) {
                        update(c, table, keyColumn, update);
                        written.add(update.key());
                    } else {
                        delete(c, table, keyColumn, change.key());
                    }
                }
                Map<String, Long> versions = versions(c, table, keyColumn, written);
                c.commit();
                return versions;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("NAV write to " + table.sqlName() + " failed: " + e.getMessage(), e);
        }
    }

    /** The letters of a number series before its digits ("CUST-" of "CUST-0001"). */
    public static String seriesPrefix(String series) {
        int end = series.length();
        while (end > 0 && Character.isDigit(series.charAt(end - 1))) {
            end--;
        }
        return series.substring(0, end);
    }

    /**
     * The last key of a number series: its number part all nines, of the same width ("CUST-9999" of
     * "CUST-0001"), as a NAV No. Series Line whose Ending No. keeps the Starting No.'s width.
     */
    public static String lastKey(String series) {
        String prefix = seriesPrefix(series);
        return prefix + "9".repeat(series.length() - prefix.length());
    }

    /** The series that goes on after {@link #lastKey}, one digit wider, as NAV's IncStr does ("CUST-10000" after "CUST-9999"). */
    public static String widerSeries(String series) {
        String prefix = seriesPrefix(series);
        return prefix + "1" + "0".repeat(series.length() - prefix.length());
    }

    /**
     * The next {@code count} keys of a number series like "CUST-0001", after the highest key of the
     * series in the table and after {@code alsoUsed} (a key reserved elsewhere, or null); fewer when
     * the series reaches its {@link #lastKey last key} first (none when it is used up).
     */
    public List<String> nextKeys(NavTable table, String keyColumn, String series, int count, String alsoUsed) {
        String prefix = seriesPrefix(series);
        int digits = series.length() - prefix.length();
        long next = Long.parseLong(series.substring(prefix.length()));
        if (alsoUsed != null && alsoUsed.startsWith(prefix) && alsoUsed.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
            next = Math.max(next, Long.parseLong(alsoUsed.substring(prefix.length())) + 1);
        }
        String sql = "SELECT MAX(" + NavNaming.quote(keyColumn) + ") FROM " + NavNaming.quote(table.sqlName())
                + " WHERE " + NavNaming.quote(keyColumn) + " LIKE ? AND LEN(" + NavNaming.quote(keyColumn) + ") = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix.replace("[", "[[]").replace("%", "[%]").replace("_", "[_]") + "%");
            ps.setInt(2, series.length());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    String tail = rs.getString(1).substring(prefix.length());
                    if (tail.chars().allMatch(Character::isDigit)) {
                        next = Math.max(next, Long.parseLong(tail) + 1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the number series " + series + ": " + e.getMessage(), e);
        }
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = Long.toString(next + i);
            if (number.length() > digits) {
                break;
            }
            keys.add(prefix + "0".repeat(digits - number.length()) + number);
        }
        return keys;
    }

    private static void insert(Connection c, NavTable table, String keyColumn, Map<String, Object> defaults,
                               Map<String, Object> blanks, NavChange.Insert insert) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        for (String column : table.columns().keySet()) {
            if (column.equals("timestamp")) {
                continue; // the database's rowversion
            }
            Object value = insert.values().containsKey(column) ? insert.values().get(column)
                    : defaults.containsKey(column) ? defaults.get(column) : blanks.get(column);
            if (column.equals(SYSTEM_ID)) {
                value = UUID.randomUUID();
            } else if (column.equals(CREATED_AT) || column.equals(MODIFIED_AT)) {
                value = now;
            } else if (column.equals(keyColumn)) {
                value = insert.key();
            }
            row.put(column, value);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(NavNaming.quote(table.sqlName())).append(" (");
        sql.append(String.join(", ", row.keySet().stream().map(NavNaming::quote).toList()));
        sql.append(") VALUES (").append("?, ".repeat(row.size() - 1)).append("?)");
        execute(c, sql.toString(), new ArrayList<>(row.values()));
    }

    private static void update(Connection c, NavTable table, String keyColumn, NavChange.Update update)
            throws SQLException {
        Map<String, Object> set = new LinkedHashMap<>(update.values());
        if (table.column(MODIFIED_AT).isPresent()) {
            set.put(MODIFIED_AT, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
        }
        if (set.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + NavNaming.quote(table.sqlName()) + " SET "
                + String.join(", ", set.keySet().stream().map(col -> NavNaming.quote(col) + " = ?").toList())
                + " WHERE " + NavNaming.quote(keyColumn) + " = ?";
        List<Object> values = new ArrayList<>(set.values());
        values.add(update.key());
        execute(c, sql, values);
    }

    private static void delete(Connection c, NavTable table, String keyColumn, String key) throws SQLException {
        execute(c, "DELETE FROM " + NavNaming.quote(table.sqlName()) + " WHERE " + NavNaming.quote(keyColumn) + " = ?",
                List.of(key));
    }

    private static Map<String, Long> versions(Connection c, NavTable table, String keyColumn, List<String> keys)
            throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            String sql = "SELECT " + NavNaming.quote(keyColumn) + ", CAST([timestamp] AS BIGINT) FROM "
                    + NavNaming.quote(table.sqlName()) + " WHERE " + NavNaming.quote(keyColumn) + " IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return versions;
    }

    private static void execute(Connection c, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.executeUpdate();
        }
    }
}
