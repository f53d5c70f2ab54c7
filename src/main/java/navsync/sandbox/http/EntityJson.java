package navsync.sandbox.http;

import java.io.IOException;
import java.util.UUID;

import navsync.sandbox.json.RowWriter;
import navsync.sandbox.odata.Selection;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.Row;

/** The JSON body of a single entity: {@code @odata.context} ({@code ...#accounts(name)/$entity}), ETag, columns. */
final class EntityJson {
    private EntityJson() {
    }

    static byte[] entity(ApiRequest req, EntityType type, Row row, Selection selection) throws IOException {
        String context = req.serviceRoot() + "$metadata#" + type.entitySetName()
                + (selection.contextSelect() == null ? "" : "(" + selection.contextSelect() + ")") + "/$entity";
        return Responder.json(g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            RowWriter.writeFields(g, row, selection.columns());
            g.writeEndObject();
        });
    }

    static String entityId(ApiRequest req, EntityType type, UUID id) {
        return req.serviceRoot() + type.entitySetName() + "(" + id + ")";
    }
}
