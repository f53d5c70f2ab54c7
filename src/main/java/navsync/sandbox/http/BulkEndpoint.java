package navsync.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.json.Json;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.service.Payload;
import navsync.sandbox.service.PayloadReader;

/**
 * {@code POST <set>/Microsoft.Dynamics.CRM.CreateMultiple | UpdateMultiple | UpsertMultiple} [BULK]:
 * CreateMultiple answers 200 with {@code Ids}; UpdateMultiple and UpsertMultiple answer 204 without body.
 * Every target is read and validated before anything is written; the first bad target's error is the response and
 * nothing is stored (standard tables roll back the whole request [BULK]).
 */
final class BulkEndpoint {
    private final ApiContext ctx;

    BulkEndpoint(ApiContext ctx) {
        this.ctx = ctx;
    }

    enum Action { CreateMultiple, UpdateMultiple, UpsertMultiple }

    static Action action(String segment) {
        String prefix = "Microsoft.Dynamics.CRM.";
        if (!segment.startsWith(prefix)) {
            return null;
        }
        try {
            return Action.valueOf(segment.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    ApiResponse execute(ApiRequest req, EntityType type, Action action) {
        if (ctx.withoutBulkActions().contains(type.logicalName())) {
            // Dataverse's answer for a message without a processor for the table (inference: not in the reference)
            throw new DataverseException(400, ErrorCodes.INVALID_ARGUMENT, "The '" + action + "' method does not support "
                    + "entities of type '" + type.logicalName() + "'. MessageProcessorCache returned MessageProcessor.Empty.");
        }
        List<Payload> targets = readTargets(req, type, action);
        return switch (action) {
            case CreateMultiple -> {
                List<UUID> ids = ctx.service().createMultiple(type, targets);
                String context = req.serviceRoot() + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse";
                yield ApiResponse.json(200, g -> {
                    g.writeStartObject();
                    g.writeStringField("@odata.context", context);
                    g.writeArrayFieldStart("Ids");
                    for (UUID id : ids) {
                        g.writeString(id.toString());
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }).records(ids.size());
            }
            case UpdateMultiple -> {
                ctx.service().updateMultiple(type, targets);
                yield ApiResponse.empty(204).records(targets.size());
            }
            case UpsertMultiple -> {
                ctx.service().upsertMultiple(type, targets);
                yield ApiResponse.empty(204).records(targets.size());
            }
        };
    }

    private List<Payload> readTargets(ApiRequest req, EntityType type, Action action) {
        JsonNode body = Json.parse(req.body(), type.entitySetName());
        if (!body.isObject()) {
            throw DataverseException.payload(type.entitySetName(), "The request body must be a JSON object with 'Targets'.");
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!e.getKey().equals("Targets") && !e.getKey().startsWith("@")) {
                throw DataverseException.payload(type.entitySetName(), "The parameter '" + e.getKey()
                        + "' in the request payload is not a valid parameter for the operation '" + action + "'.");
            }
        }
        JsonNode targets = body.get("Targets");
        if (targets == null || !targets.isArray()) {
            throw DataverseException.payload(type.entitySetName(),
                    "The parameter 'Targets' of the operation '" + action + "' is missing or is not a collection.");
        }
        PayloadReader.Mode mode = PayloadReader.Mode.BULK_TARGET;
        List<Payload> out = new ArrayList<>(targets.size());
        for (JsonNode t : targets) {
            out.add(ctx.reader().read(type, t, mode));
        }
        return out;
    }
}
