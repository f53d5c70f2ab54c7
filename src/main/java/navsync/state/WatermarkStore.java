package navsync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * How far each mapping's passes have read. A watermark moves only at the end of a pass whose every
 * batch was committed, so a crash leaves the previous value and the rerun reads the rows again.
 */
public final class WatermarkStore {

    private final StateStore store;

    WatermarkStore(StateStore store) {
        this.store = store;
    }

    public Optional<String> get(String mapping, String direction) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT watermark FROM watermark WHERE mapping_name = ? AND direction = ?")) {
                ps.setString(1, mapping);
                ps.setString(2, direction);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void set(String mapping, String direction, String watermark) {
        store.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE watermark SET watermark = ?, updated_at = ? WHERE mapping_name = ? AND direction = ?")) {
                ps.setString(1, watermark);
                ps.setObject(2, CouplingStore.now());
                ps.setString(3, mapping);
                ps.setString(4, direction);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO watermark (mapping_name, direction, watermark, updated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, mapping);
                    ps.setString(2, direction);
                    ps.setString(3, watermark);
                    ps.setObject(4, CouplingStore.now());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Forgets the watermark: the next pass reads every row (NAV's full synchronization). */
    public void reset(String mapping, String direction) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM watermark WHERE mapping_name = ? AND direction = ?")) {
                ps.setString(1, mapping);
                ps.setString(2, direction);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
