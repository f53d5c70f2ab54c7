package navsync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import navsync.mapping.IntegrationTableMapping;
import navsync.sales.ConnectionCheck;
import navsync.sales.SalesException;
import navsync.sync.Mappings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test connection" of the Sales side, at start-up (one log line) and as {@code GET /api/connection}:
 * 200 with the user, the organization and the bulk actions of each mapped table, or 502 with the
 * service's (or the identity provider's) error.
 */
public final class ConnectionApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionCheck check;
    private final Mappings mappings;

    public ConnectionApi(ConnectionCheck check, Mappings mappings) {
        this.check = check;
        this.mappings = mappings;
    }

    /** Runs the check and logs its outcome; returns whether it succeeded. */
    public boolean logCheck() {
        try {
            LOG.info(run().summary());
            return true;
        } catch (SalesException | IllegalStateException e) {
            LOG.error("Sales connection check failed: {}", e.getMessage());
            return false;
        }
    }

    public void check(Exchange exchange) {
        int status;
        Object body;
        try {
            body = run();
            status = 200;
        } catch (SalesException e) {
            status = 502;
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", "Sales connection check failed: " + e.getMessage());
            error.put("status", e.error().status());
            body = error;
        }
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            out.setBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConnectionCheck.Report run() {
        return check.run(mappings.all().stream().map(IntegrationTableMapping::entity).distinct().toList());
    }
}
