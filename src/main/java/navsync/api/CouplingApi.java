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
            return couplings.couple(header(exchange, "name"), header(exchange, "key"), coupleRequest(body(exchange)));
        });
    }

    public void uncouple(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            couplings.uncouple(header(exchange, "name"), header(exchange, "key"));
            return Map.of("uncoupled", header(exchange, "key"));
        });
    }

    /** The side-by-side preview of a coupling: same body as {@link #couple}, nothing written. */
    public void previewCoupling(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> couplings.previewCoupling(header(exchange, "name"), header(exchange, "key"),
                coupleRequest(body(exchange))));
    }

    /** Uncouples {"keys": [NAV keys]}, {"salesIds": [Sales ids]} or {"all": true} (the whole mapping). */
    public void uncoupleMany(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            JsonNode body = body(exchange);
            String mapping = header(exchange, "name");
            if (body.path("all").asBoolean(false)) {
                if (body.has("keys") || body.has("salesIds")) {
                    throw new IllegalArgumentException("give either \"all\": true or a list, not both");
                }
                return couplings.uncoupleAll(mapping);
            }
            if (body.has("salesIds")) {
                return couplings.uncoupleSalesIds(mapping, list(body, "salesIds"));
            }
            if (body.has("keys")) {
                return couplings.uncoupleNavKeys(mapping, list(body, "keys"));
            }
            throw new IllegalArgumentException("give {\"keys\": [NAV keys]}, {\"salesIds\": [Sales ids]} or {\"all\": true}");
        });
    }

    /** Create in Sales: {"keys": [NAV keys]}. */
    public void createInSales(Exchange exchange) {
        RestApi.respond(exchange, 202, () -> couplings.createInSales(header(exchange, "name"),
                list(body(exchange), "keys")));
    }

    /** Create from Sales: {"salesIds": [Sales ids]}. */
    public void createFromSales(Exchange exchange) {
        RestApi.respond(exchange, 202, () -> couplings.createFromSales(header(exchange, "name"),
                list(body(exchange), "salesIds")));
    }

    /**
     * Match-based coupling: {"fields": [{"nav", "sales", "priority"}], "caseSensitive", "createNew",
     * "synchronize", "dryRun", "keys"}.
     */
    public void matchBasedCoupling(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            JsonNode body = body(exchange);
            List<CouplingService.MatchCriterion> criteria = new ArrayList<>();
            JsonNode fields = body.path("fields");
            if (!fields.isArray()) {
                throw new IllegalArgumentException("give \"fields\": [{\"nav\": \"Name\", \"sales\": \"name\", "
                        + "\"priority\": 1}, ...], the field pairs to match on");
            }
            for (JsonNode f : fields) {
                JsonNode priority = f.path("priority");
                if (!priority.isMissingNode() && !priority.canConvertToInt()) {
                    throw new IllegalArgumentException("priority must be a whole number, got " + priority);
                }
                criteria.add(new CouplingService.MatchCriterion(text(f, "nav"), text(f, "sales"), priority.asInt(1)));
            }
            String sync = text(body, "synchronize");
            return couplings.matchBasedCoupling(header(exchange, "name"), new CouplingService.MatchRequest(criteria,
                    body.path("caseSensitive").asBoolean(false), body.path("createNew").asBoolean(false),
                    sync == null || sync.equals("none") ? null : RestApi.parseDirection(sync),
                    body.path("dryRun").asBoolean(false), body.has("keys") ? list(body, "keys") : null));
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
                if (!body.has("salesIds") && !body.has("keys")) {
                    throw new IllegalArgumentException("give {\"keys\": [NAV keys]} or {\"salesIds\": [Sales ids]}");
                }
                records.addAll(list(body, body.has("salesIds") ? "salesIds" : "keys"));
                if (body.has("salesIds") && pass == null) {
                    pass = Direction.FromIntegrationTable;
                } else if (body.has("keys") && pass == null) {
                    pass = Direction.ToIntegrationTable;
                }
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

    private static CouplingService.CoupleRequest coupleRequest(JsonNode body) {
        String sync = text(body, "synchronize");
        return new CouplingService.CoupleRequest(body.hasNonNull("salesId") ? uuid(body.get("salesId").asText()) : null,
                text(body, "salesName"), body.path("createNew").asBoolean(false),
                sync == null || sync.equals("none") ? null : RestApi.parseDirection(sync), "none".equals(sync),
                body.path("recouple").asBoolean(false));
    }

    /** A list of keys or ids from the body: an array of strings, not empty, at most navsync.api.max-records long. */
    private List<String> list(JsonNode body, String field) {
        JsonNode list = body.path(field);
        if (!list.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a list, e.g. {\"" + field + "\": [...]}");
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" is empty");
        }
        if (list.size() > maxRecords) {
            throw new IllegalArgumentException(list.size() + " " + field + " are more than one call takes (" + maxRecords
                    + ", navsync.api.max-records)");
        }
        List<String> out = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            if (!n.isTextual() && !n.isNumber() || n.asText().isBlank()) {
                throw new IllegalArgumentException("\"" + field + "\" holds " + n + ", not a key");
            }
            out.add(n.asText());
        }
        return out;
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
