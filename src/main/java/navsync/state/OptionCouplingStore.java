package navsync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pairings of option mappings: NAV code -> option value (NAV's CRM Option Mapping). An option
 * mapping's table is small (tens of codes), so a pass and a batch's translations read all its
 * pairings at once.
 */
public final class OptionCouplingStore {

    /** One pairing: the NAV code, the option's value and its label when paired. */
    public record OptionCoupling(String navKey, int value, String label) {
    }

    private final StateStore store;

    OptionCouplingStore(StateStore store) {
        this.store = store;
    }

    /** The mapping's pairings by NAV code. */
    public Map<String, OptionCoupling> all(String mapping) {
        return store.inTransaction(c -> {
            Map<String, OptionCoupling> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT nav_key, option_value, option_label FROM option_coupling"
                    + " WHERE mapping_name = ? ORDER BY nav_key")) {
                ps.setString(1, mapping);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new OptionCoupling(rs.getString(1), rs.getInt(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Pairs (or re-pairs) NAV codes with options and removes the pairings of {@code removed} codes, on {@code c}. */
    public void apply(Connection c, String mapping, Collection<OptionCoupling> paired, Collection<String> removed)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM option_coupling WHERE mapping_name = ? AND nav_key = ?")) {
            for (String key : removed) {
                delete.setString(1, mapping);
                delete.setString(2, key);
                delete.addBatch();
            }
            for (OptionCoupling p : paired) {
                delete.setString(1, mapping);
                delete.setString(2, p.navKey());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO option_coupling (mapping_name, nav_key, option_value,"
                + " option_label, synced_at) VALUES (?, ?, ?, ?, ?)")) {
            for (OptionCoupling p : paired) {
                insert.setString(1, mapping);
                insert.setString(2, p.navKey());
                insert.setInt(3, p.value());
                insert.setString(4, CouplingStore.truncate(p.label(), 250));
                insert.setObject(5, CouplingStore.now());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
