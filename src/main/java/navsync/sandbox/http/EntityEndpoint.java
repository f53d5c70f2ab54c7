package navsync.sandbox.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.json.Json;
import navsync.sandbox.json.RowWriter;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.odata.Projection;
import navsync.sandbox.odata.RowKey;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.NavigationProperty;
import navsync.sandbox.service.Payload;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.service.Precondition;
import navsync.sandbox.service.UpsertResult;
import navsync.sandbox.store.Row;

/**
 * {@code GET/PATCH/DELETE <set>(<key>)}, the single-property forms {@code <set>(<key>)/<property>}, and
 * {@code PUT/DELETE <set>(<key>)/<navigation property>/$ref} [ASSOC].
 */
final class EntityEndpoint {
    private final ApiContext ctx;

    EntityEndpoint(ApiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * GET by key with $select/$expand; 200 with {@code ETag}; {@code If-None-Match: W/"n"} gives 304 when unchanged,
     * except with $expand or when annotations are requested [COND]; 404 when missing.
     */
    ApiResponse get(ApiRequest req, EntityType type, RowKey key) {
        Projection projection = projection(req, type);
        Row row = ctx.service().retrieve(type, key);
        String ifNoneMatch = req.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && !ifNoneMatch.strip().equals("null")
                && !req.preferences().annotationsRequested() && projection.expansions().isEmpty()) {
            for (String e : ifNoneMatch.split(",")) {
                if (Precondition.opaque(e).equals(Precondition.opaque(row.etag())) || e.strip().equals("*")) {
                    return ApiResponse.empty(304).header("ETag", row.etag());
                }
            }
        }
        ApiResponse response = ApiResponse.json(200, ctx.json().entity(req, type, row, projection))
                .header("ETag", row.etag()).records(1);
        String applied = req.preferences().applied(false, null);
        return applied == null ? response : response.header("Preference-Applied", applied);
    }

    /**
     * PATCH = upsert [UPD]: 204 + OData-EntityId whether created or updated; with return=representation 201
     * (created) or 200 (updated) and the entity ($expand is ignored on update [UPD]). Preconditions per [COND].
     */
    ApiResponse patch(ApiRequest req, EntityType type, RowKey key) {
        Projection projection = projection(req, type);
        Payload payload = ctx.reader().read(type, Json.parse(req.body(), type.entitySetName()), PayloadReader.Mode.SINGLE);
        UpsertResult result = ctx.service().upsert(type, key, payload, req.precondition());
        String entityId = EntityJson.entityId(req, type, key);
        if (req.preferences().returnRepresentation()) {
            Projection shown = result.created() ? projection : new Projection(projection.selection(), List.of());
            return ApiResponse.json(result.created() ? 201 : 200, ctx.json().entity(req, type, result.row(), shown))
                    .header("Preference-Applied", "return=representation").header("ETag", result.row().etag())
                    .records(1).entityUrl(entityId);
        }
        // with an alternate key the header keeps the key form [UPD]
        return ApiResponse.empty(204).header("OData-EntityId", entityId).records(1).entityUrl(entityId);
    }

    /** DELETE: 204; 404 when missing; 412 on a stale If-Match [UPD, COND]. */
    ApiResponse delete(ApiRequest req, EntityType type, RowKey key) {
        ctx.service().delete(type, key, req.precondition());
        return ApiResponse.empty(204).records(1);
    }

    /** GET {@code <set>(<key>)/<property>}: {@code {"@odata.context":...,"value":...}} [RETR]; 204 when null. */
    ApiResponse getProperty(ApiRequest req, EntityType type, RowKey key, String property) {
        Attribute a = property(type, property);
        Row row = ctx.service().retrieve(type, key);
        Object v = row.value(a.index());
        if (v == null) {
            return ApiResponse.empty(204);
        }
        String context = req.serviceRoot() + "$metadata#" + type.entitySetName() + "(" + key.urlForm() + ")/" + property;
        return ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            g.writeFieldName("value");
            RowWriter.writeValue(g, a, v);
            g.writeEndObject();
        }).records(1);
    }

    /**
     * PUT {@code <set>(<key>)/<property>} with {@code {"value": ...}} sets one column; DELETE clears it; both 204
     * [UPD]. The row must exist (these never create).
     */
    ApiResponse putProperty(ApiRequest req, EntityType type, RowKey key, String property, boolean delete) {
        Attribute a = property(type, property);
        JsonNode value;
        if (delete) {
            value = Json.MAPPER.nullNode();
        } else {
            JsonNode body = Json.parse(req.body(), type.entitySetName());
            if (!body.isObject() || !body.has("value") || body.size() != 1) {
                throw DataverseException.payload(type.entitySetName(),
                        "A single property update needs a body of the form {\"value\": ...}.");
            }
            value = body.get("value");
        }
        ObjectNode single = Json.MAPPER.createObjectNode();
        single.set(a.propertyName(), value);
        return updateExisting(req, type, key, single);
    }

    /**
     * PUT {@code .../<nav>/$ref} with {@code {"@odata.id": "<entity URL>"}} sets a single-valued navigation property;
     * 204 [ASSOC].
     */
    ApiResponse associate(ApiRequest req, EntityType type, RowKey key, String navName) {
        NavigationProperty nav = navigation(type, navName);
        JsonNode body = Json.parse(req.body(), type.entitySetName());
        JsonNode id = body.get("@odata.id");
        if (!body.isObject() || id == null || !id.isTextual()) {
            throw DataverseException.payload(type.entitySetName(),
                    "An entity reference needs a body of the form {\"@odata.id\": \"<entity URL>\"}.");
        }
        ObjectNode bind = Json.MAPPER.createObjectNode();
        bind.set(nav.name() + "@odata.bind", id);
        return updateExisting(req, type, key, bind);
    }

    /** DELETE {@code .../<nav>/$ref} clears a single-valued navigation property; 204 [ASSOC]. */
    ApiResponse disassociate(ApiRequest req, EntityType type, RowKey key, String navName) {
        NavigationProperty nav = navigation(type, navName);
        ObjectNode bind = Json.MAPPER.createObjectNode();
        bind.putNull(nav.name() + "@odata.bind");
        return updateExisting(req, type, key, bind);
    }

    private ApiResponse updateExisting(ApiRequest req, EntityType type, RowKey key, ObjectNode body) {
        Payload payload = ctx.reader().read(type, body, PayloadReader.Mode.SINGLE);
        Precondition pre = req.precondition();
        ctx.service().upsert(type, key, payload, new Precondition(true, pre.ifMatchEtags(), false));
        return ApiResponse.empty(204).records(1);
    }

    private Projection projection(ApiRequest req, EntityType type) {
        return Projection.parse(ctx.store().schema(), type, req.query().get("$select"), req.query().get("$expand"));
    }

    private static Attribute property(EntityType type, String name) {
        Attribute a = type.property(name);
        if (a == null) {
            throw EntityKeys.resourceNotFound(name);
        }
        return a;
    }

    private static NavigationProperty navigation(EntityType type, String name) {
        NavigationProperty nav = type.navigationProperty(name);
        if (nav == null) {
            throw EntityKeys.resourceNotFound(name);
        }
        return nav;
    }
}
