package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * What a pass would do to one record, reported by a preview (dry run) instead of doing it.
 *
 * @param action  insert, modify, delete, couple (an option mapping's pairing), uncouple or fail
 * @param toSales the attributes it would write to Sales, or null
 * @param toNav   the NAV fields it would write, or null
 * @param message why it would fail, or null
 */
public record PreviewRecord(String pass, String navKey, UUID salesId, String action, JsonNode toSales, JsonNode toNav,
                            String message) {
}
