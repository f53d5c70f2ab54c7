package navsync.sandbox.http;

import java.io.IOException;

import navsync.sandbox.schema.EntityType;

/** The service document ({@code GET /api/data/v9.2/}) and {@code WhoAmI} [FUNC]. */
final class ServiceEndpoint {
    private final ApiContext ctx;

    ServiceEndpoint(ApiContext ctx) {
        this.ctx = ctx;
    }

    void serviceDocument(ApiRequest req) throws IOException {
        byte[] body = Responder.json(g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot() + "$metadata");
            g.writeArrayFieldStart("value");
            for (EntityType t : ctx.store().schema().types()) {
                g.writeStartObject();
                g.writeStringField("name", t.entitySetName());
                g.writeStringField("kind", "EntitySet");
                g.writeStringField("url", t.entitySetName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        ctx.responder().sendJson(req.exchange(), 200, body);
    }

    void whoAmI(ApiRequest req) throws IOException {
        byte[] body = Responder.json(g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot() + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
            g.writeStringField("BusinessUnitId", ctx.identity().businessUnitId().toString());
            g.writeStringField("UserId", ctx.identity().userId().toString());
            g.writeStringField("OrganizationId", ctx.identity().organizationId().toString());
            g.writeEndObject();
        });
        ctx.responder().sendJson(req.exchange(), 200, body);
    }
}
