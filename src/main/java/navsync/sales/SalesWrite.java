package navsync.sales;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** One row to write to Sales, keyed by the NAV record it comes from; {@code payload} holds the attributes. */
public record SalesWrite(String navKey, UUID salesId, ObjectNode payload) {
}
