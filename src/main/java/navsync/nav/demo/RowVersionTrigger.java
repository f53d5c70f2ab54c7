package navsync.nav.demo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import navsync.nav.NavNaming;
import org.h2.api.Trigger;

/**
 * Gives every updated row of a demo NAV table a new {@code timestamp} from the database-wide
 * rowversion sequence and a new {@code $systemModifiedAt}, as SQL Server's rowversion does.
 *
 * <p>H2's own {@code ON UPDATE} column clause is not enough: H2 skips it when an UPDATE leaves the
 * row's values as they were, while SQL Server bumps the rowversion of every row an UPDATE touches.
 * navsync must see its own same-value writes come back as changes on the demo database exactly as it
 * would on SQL Server (the echo problem), so a row trigger does it. Inserts take the column default
 * ({@code NEXT VALUE FOR [$rowversion]}), which is faster for bulk loads.
 *
 * <p>Like SQL Server ("Cannot update a timestamp column"), an UPDATE that sets {@code timestamp}
 * itself fails.
 */
public final class RowVersionTrigger implements Trigger {

    static final String SEQUENCE = navsync.nav.InFlightRowVersions.SEQUENCE;
    static final String TIMESTAMP = "timestamp";
    static final String SYSTEM_MODIFIED_AT = "$systemModifiedAt";

    private static final String NEXT_VALUE = "VALUES NEXT VALUE FOR " + NavNaming.quote(SEQUENCE);

    private String table;
    private int timestampIndex = -1;
    private int modifiedAtIndex = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        this.table = tableName;
        DatabaseMetaData meta = conn.getMetaData();
        try (ResultSet rs = meta.getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                int index = rs.getInt("ORDINAL_POSITION") - 1;
                if (TIMESTAMP.equals(column)) {
                    timestampIndex = index;
                } else if (SYSTEM_MODIFIED_AT.equals(column)) {
                    modifiedAtIndex = index;
                }
            }
        }
        if (timestampIndex < 0) {
            throw new SQLException("Table " + tableName + " has no column " + TIMESTAMP + " for trigger " + triggerName);
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!Objects.equals(oldRow[timestampIndex], newRow[timestampIndex])) {
            throw new SQLException("Cannot update a timestamp column (table " + table + ").", "42000");
        }
        newRow[timestampIndex] = nextRowVersion(conn);
        if (modifiedAtIndex >= 0) {
            newRow[modifiedAtIndex] = LocalDateTime.now(ZoneOffset.UTC);
        }
    }

    private static long nextRowVersion(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(NEXT_VALUE)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
