package navsync.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Sales organization says about its tables, read once at start-up, so that mapping files are
 * checked against the real attributes rather than failing every pass at run time.
 */
public interface SalesMetadata {

    /** A table's structural properties (name -> Edm type, {@code _x_value} for lookups) and navigation properties. */
    record Table(String logicalName, Map<String, String> properties, Set<String> navigationProperties) {
    }

    /** The table of this logical name, or empty when the organization has none. */
    Optional<Table> table(String logicalName);

    /** Sales' own objection to {@code filter} as a {@code $filter} of the entity's rows, or empty when it takes it. */
    Optional<String> filterError(SalesEntity entity, String filter);
}
