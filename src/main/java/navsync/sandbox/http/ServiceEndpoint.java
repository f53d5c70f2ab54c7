package navsync.sandbox.http;

import navsync.sandbox.metadata.MetadataDocument;
import navsync.sandbox.schema.EntityType;

/** The service document ({@code GET /api/data/v9.2/}), {@code $metadata}, and {@code WhoAmI} [FUNC]. */
final class ServiceEndpoint {
    private final ApiContext ctx;
    private final byte[] metadata;
    private final byte[] annotatedMetadata;

    ServiceEndpoint(ApiContext ctx) {
        this.ctx = ctx;
        this.metadata = MetadataDocument.write(ctx.store().schema(), false);
        this.annotatedMetadata = MetadataDocument.write(ctx.store().schema(), true);
    }

    ApiResponse serviceDocument(ApiRequest req) {
        return ApiResponse.json(200, g -> {
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
    }

    /** CSDL XML; {@code ?annotations=true} adds the change-tracking capability annotations [CT]. */
    ApiResponse metadata(ApiRequest req) {
        String raw = req.incoming().rawQuery();
        boolean annotations = raw != null && raw.contains("annotations=true");
        return ApiResponse.of(200, "application/xml", annotations ? annotatedMetadata : metadata);
    }

    ApiResponse whoAmI(ApiRequest req) {
        return ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot() + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
            g.writeStringField("BusinessUnitId", ctx.identity().businessUnitId().toString());
            g.writeStringField("UserId", ctx.identity().userId().toString());
            g.writeStringField("OrganizationId", ctx.identity().organizationId().toString());
            g.writeEndObject();
        });
    }
}
