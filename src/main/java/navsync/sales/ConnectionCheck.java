package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import navsync.mapping.SalesEntity;

/**
 * "Test connection": signs in, calls {@code WhoAmI}, reads the calling user's name, and probes the
 * bulk actions of each mapped table. Throws {@link SalesException} with the service's error when
 * sign-in or {@code WhoAmI} fails.
 */
public final class ConnectionCheck {

    /** What a successful check found. */
    public record Report(String organizationUrl, String apiVersion, String userId, String userName,
                         String businessUnitId, String organizationId, int parallelRequests, List<Table> tables) {

        /** One line for the log. */
        public String summary() {
            StringBuilder line = new StringBuilder("Connected to Sales ").append(organizationUrl).append(" (Web API ")
                    .append(apiVersion).append(") as ").append(userName == null ? "?" : userName).append(" (user ")
                    .append(userId).append(", organization ").append(organizationId).append("), ")
                    .append(parallelRequests).append(" parallel requests; bulk actions:");
            for (Table table : tables) {
                line.append(' ').append(table.table()).append(table.upsertMultiple() ? " yes"
                        : " no ($batch)");
                line.append(table == tables.get(tables.size() - 1) ? "" : ",");
            }
            return line.toString();
        }
    }

    /** The bulk actions of a mapped table. */
    public record Table(String table, boolean createMultiple, boolean updateMultiple, boolean upsertMultiple) {
    }

    private final SalesWebApi api;
    private final BulkActions bulkActions;

    public ConnectionCheck(SalesWebApi api, BulkActions bulkActions) {
        this.api = api;
        this.bulkActions = bulkActions;
    }

    public Report run(Collection<SalesEntity> mappedTables) {
        SalesResponse whoAmI = api.get("WhoAmI");
        if (!whoAmI.isSuccess()) {
            throw new SalesException(whoAmI.error());
        }
        JsonNode me = whoAmI.json();
        String userId = me.path("UserId").asText();
        SalesResponse user = api.get("systemusers(" + userId + ")?$select=fullname");
        String userName = user.isSuccess() ? user.json().path("fullname").asText(null) : null;
        List<Table> tables = new ArrayList<>();
        for (SalesEntity entity : mappedTables) {
            BulkActions.Availability a = bulkActions.of(entity);
            tables.add(new Table(entity.logicalName(), a.createMultiple(), a.updateMultiple(), a.upsertMultiple()));
        }
        SalesConnection connection = api.connection();
        return new Report(connection.organizationUrl(), connection.apiVersion(), userId, userName,
                me.path("BusinessUnitId").asText(), me.path("OrganizationId").asText(), api.parallelLimit().limit(),
                tables);
    }
}
