package navsync.mapping;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An integration table mapping: a NAV table paired with a Sales entity (NAV's table 5335), loaded
 * from one YAML file in {@code mappings/}.
 *
 * @param name                    mapping name, NAV style upper case (CUSTOMER)
 * @param file                    the file it was loaded from
 * @param table                   NAV table name (Customer)
 * @param sqlTable                the table's SQL name without company ("Customer", "Salesperson_Purchaser")
 * @param navKeyColumn            the NAV primary-key column (single-column keys)
 * @param entity                  the Sales entity
 * @param direction               mapping direction; field pairs narrow it
 * @param synchOnlyCoupledRecords when false, uncoupled records are created on the other side and coupled
 * @param tableFilter             NAV-side filter, ANDed conditions
 * @param integrationTableFilter  Sales-side OData {@code $filter} text, or null
 * @param fields                  field pairs in transfer order
 * @param batchSize               records per bulk request (1..1000)
 * @param dependsOn               names of mappings that must run first
 * @param conflictResolution      policy for pairs changed on both sides
 * @param mergeFallback           with {@code merge}: policy for a field changed on both sides
 * @param deletionResolution      policy for pairs whose other side was deleted
 * @param numberSeries            the first NAV key of records created from Sales ("CUST-0001"), or null
 * @param navDefaults             NAV field values of records created from Sales (NAV's config template), by SQL column
 * @param schedule                when the mapping synchronizes by itself, or null
 * @param skipPolicy              when a record that keeps failing is skipped, or null for navsync's default
 * @param salesChanges            how the Sales -> NAV pass finds changed Sales rows
 * @param deletionSweep           how often couplings are checked for records deleted on either side
 * @param option                  for an option mapping, the choice column its records pair with; else null
 * @param pairs                   derived from {@code fields} (whatever is passed): those with a field on both
 *                                sides, kept because every record of a pass walks them several times
 */
public record IntegrationTableMapping(String name, Path file, String table, String sqlTable, String navKeyColumn,
                                      SalesEntity entity, Direction direction, boolean synchOnlyCoupledRecords,
                                      List<TableFilterCondition> tableFilter, String integrationTableFilter,
                                      List<FieldMapping> fields, int batchSize, List<String> dependsOn,
                                      ConflictResolution conflictResolution, ConflictResolution mergeFallback,
                                      DeletionResolution deletionResolution, String numberSeries,
                                      Map<String, Object> navDefaults, Schedule schedule, SkipPolicy skipPolicy,
                                      SalesChanges salesChanges, DeletionSweep deletionSweep, OptionMapping option,
                                      List<FieldMapping> pairs) {

    public IntegrationTableMapping {
        pairs = fields.stream().filter(FieldMapping::isPair).toList();
    }

    public IntegrationTableMapping(String name, Path file, String table, String sqlTable, String navKeyColumn,
                                   SalesEntity entity, Direction direction, boolean synchOnlyCoupledRecords,
                                   List<TableFilterCondition> tableFilter, String integrationTableFilter,
                                   List<FieldMapping> fields, int batchSize, List<String> dependsOn,
                                   ConflictResolution conflictResolution, ConflictResolution mergeFallback,
                                   DeletionResolution deletionResolution, String numberSeries,
                                   Map<String, Object> navDefaults, Schedule schedule, SkipPolicy skipPolicy,
                                   SalesChanges salesChanges, DeletionSweep deletionSweep, OptionMapping option) {
        this(name, file, table, sqlTable, navKeyColumn, entity, direction, synchOnlyCoupledRecords, tableFilter,
                integrationTableFilter, fields, batchSize, dependsOn, conflictResolution, mergeFallback,
                deletionResolution, numberSeries, navDefaults, schedule, skipPolicy, salesChanges, deletionSweep, option,
                null);
    }

    /** NAV records paired with the options of a choice column, not with rows. */
    public boolean isOptionMapping() {
        return option != null;
    }

    /** Whether this mapping lets data flow in the one-way direction {@code pass}. */
    public boolean allows(Direction pass) {
        return direction.includes(pass);
    }

    /** The field pairs that take part in a pass in the one-way direction {@code pass}. */
    public List<FieldMapping> fieldsFor(Direction pass) {
        return fields.stream().filter(f -> f.direction().includes(pass)).toList();
    }

}
