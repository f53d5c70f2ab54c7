package navsync.sandbox.http;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.json.Json;
import navsync.sandbox.json.RowWriter;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.odata.Selection;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.service.Payload;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.service.Precondition;
import navsync.sandbox.service.UpsertResult;
import navsync.sandbox.store.Row;

/** {@code GET/PATCH/DELETE <set>(<id>)} and the single-property forms {@code <set>(<id>)/<property>}. */
final class EntityEndpoint {
    private final ApiContext ctx;

    EntityEndpoint(ApiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * GET by id with $select; 200 with {@code ETag}; {@code If-None-Match: W/"n"} gives 304 when unchanged, except
     * when annotations are requested [COND]; 404 when missing.
     */
    void get(ApiRequest req, EntityType type, UUID id) throws IOException {
        Selection selection = Selection.parse(type, req.query().get("$select"));
        Row row = ctx.service().retrieve(type, id);
        HttpExchange ex = req.exchange();
        String ifNoneMatch = req.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && !ifNoneMatch.strip().equals("null")
                && !req.preferences().includeAnnotations()) {
            for (String e : ifNoneMatch.split(",")) {
                if (Precondition.opaque(e).equals(Precondition.opaque(row.etag())) || e.strip().equals("*")) {
                    ex.getResponseHeaders().set("ETag", row.etag());
                    ctx.responder().sendEmpty(ex, 304);
                    return;
                }
            }
        }
        ex.getResponseHeaders().set("ETag", row.etag());
        ctx.responder().sendJson(ex, 200, EntityJson.entity(req, type, row, selection));
    }

    /**
     * PATCH = upsert [UPD]: 204 + OData-EntityId whether created or updated; with return=representation 201
     * (created) or 200 (updated) and the entity. Preconditions per [COND].
     */
    void patch(ApiRequest req, EntityType type, UUID id) throws IOException {
        Selection selection = Selection.parse(type, req.query().get("$select"));
        Payload payload = ctx.reader().read(type, Json.parse(req.body(), type.entitySetName()), PayloadReader.Mode.SINGLE);
        UpsertResult result = ctx.service().upsert(type, id, payload, req.precondition());
        respondWrite(req, type, result, selection);
    }

    private void respondWrite(ApiRequest req, EntityType type, UpsertResult result, Selection selection)
            throws IOException {
        HttpExchange ex = req.exchange();
        if (req.preferences().returnRepresentation()) {
            ex.getResponseHeaders().set("Preference-Applied", "return=representation");
            ex.getResponseHeaders().set("ETag", result.row().etag());
            ctx.responder().sendJson(ex, result.created() ? 201 : 200,
                    EntityJson.entity(req, type, result.row(), selection));
        } else {
            ex.getResponseHeaders().set("OData-EntityId", EntityJson.entityId(req, type, result.row().id()));
            ctx.responder().sendEmpty(ex, 204);
        }
    }

    /** DELETE: 204; 404 when missing; 412 on a stale If-Match [UPD, COND]. */
    void delete(ApiRequest req, EntityType type, UUID id) throws IOException {
        ctx.service().delete(type, id, req.precondition());
        ctx.responder().sendEmpty(req.exchange(), 204);
    }

    /** GET {@code <set>(<id>)/<property>}: {@code {"@odata.context":...,"value":...}} [RETR]; 204 when null. */
    void getProperty(ApiRequest req, EntityType type, UUID id, String property) throws IOException {
        Attribute a = property(type, property);
        Row row = ctx.service().retrieve(type, id);
        Object v = row.value(a.index());
        if (v == null) {
            ctx.responder().sendEmpty(req.exchange(), 204);
            return;
        }
        String context = req.serviceRoot() + "$metadata#" + type.entitySetName() + "(" + id + ")/" + property;
        byte[] body = Responder.json(g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            g.writeFieldName("value");
            RowWriter.writeValue(g, a, v);
            g.writeEndObject();
        });
        ctx.responder().sendJson(req.exchange(), 200, body);
    }

    /**
     * PUT {@code <set>(<id>)/<property>} with {@code {"value": ...}} sets one column; DELETE clears it; both 204
     * [UPD]. The row must exist (these never create).
     */
    void putProperty(ApiRequest req, EntityType type, UUID id, String property, boolean delete) throws IOException {
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
        Payload payload = ctx.reader().read(type, single, PayloadReader.Mode.SINGLE);
        Precondition pre = req.precondition();
        ctx.service().upsert(type, id, payload, new Precondition(true, pre.ifMatchEtags(), false));
        ctx.responder().sendEmpty(req.exchange(), 204);
    }

    private static Attribute property(EntityType type, String name) {
        Attribute a = type.property(name);
        if (a == null) {
            throw EntityKeys.resourceNotFound(name);
        }
        return a;
    }
}
