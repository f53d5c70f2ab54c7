package navsync.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.coupling.CouplingService;
import navsync.mapping.Direction;
import navsync.sync.SynchronizationService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The coupling operations as the coupling route in {@code routes/coupling.yaml} calls them: reads the
 * request (path, query, JSON body), calls {@link CouplingService}, answers JSON with the status.
 */
public final class CouplingApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CouplingService couplings;
    private final int maxRecords;

    public CouplingApi(CouplingService couplings, int maxRecords) {
        this.couplings = couplings;
        this.maxRecords = maxRecords;
    }

    public void view(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> couplings.view(header(exchange, "name"), header(exchange, "key")));
    }

    public void viewBySalesId(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            String mapping = header(exchange, "mapping");
            String salesId = header(exchange, "salesId");
            if (mapping == null || salesId == null) {
                throw new IllegalArgumentException("give mapping and salesId, e.g. /api/couplings?mapping=CUSTOMER&salesId=<guid>");
            }
            return couplings.viewBySalesId(mapping, uuid(salesId));
        });
    }

    public void couple(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            JsonNode body = body(exchange);
            String sync = text(body, "synchronize");
            CouplingService.CoupleRequest request = new CouplingService.CoupleRequest(
                    body.hasNonNull("salesId") ? uuid(body.get("salesId").asText()) : null, text(body, "salesName"),
                    body.path("createNew").asBoolean(false),
                    sync == null || sync.equals("none") ? null : RestApi.parseDirection(sync), "none".equals(sync),
                    body.path("recouple").asBoolean(false));
            return couplings.couple(header(exchange, "name"), header(exchange, "key"), request);
        });
    }

    public void uncouple(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            couplings.uncouple(header(exchange, "name"), header(exchange, "key"));
            return Map.of("uncoupled", header(exchange, "key"));
        });
    }

    /** One record (path key), or many: {"keys": [...]} for NAV -> Sales, {"salesIds": [...]} for Sales -> NAV. */
    public void synchronize(Exchange exchange) {
        RestApi.respond(exchange, 202, () -> {
            String direction = header(exchange, "direction");
            Direction pass = direction == null ? null : RestApi.parseDirection(direction);
            List<String> records = new ArrayList<>();
            String key = header(exchange, "key");
            if (key != null) {
                records.add(key);
            } else {
                JsonNode body = body(exchange);
                JsonNode list = body.has("salesIds") ? body.get("salesIds") : body.path("keys");
                if (!list.isArray()) {
                    throw new IllegalArgumentException("give {\"keys\": [NAV keys]} or {\"salesIds\": [Sales ids]}");
                }
                list.forEach(n -> records.add(n.asText()));
                if (body.has("salesIds") && pass == null) {
                    pass = Direction.FromIntegrationTable;
                } else if (body.has("keys") && pass == null) {
                    pass = Direction.ToIntegrationTable;
                }
            }
            if (records.size() > maxRecords) {
                throw new IllegalArgumentException(records.size() + " records are more than one call takes ("
                        + maxRecords + ", navsync.api.max-records)");
            }
            SynchronizationService.Started started = couplings.synchronize(header(exchange, "name"), pass, records);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobId", started.jobId().toString());
            out.put("direction", started.passes().get(0).name());
            out.put("records", records.size());
            out.put("job", "/api/jobs/" + started.jobId());
            return out;
        });
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    private static JsonNode body(Exchange exchange) {
        Message in = exchange.getMessage();
        String text = in.getBody(String.class);
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Sales id (a GUID)");
        }
    }
}
