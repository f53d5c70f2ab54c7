package navsync.sandbox.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import navsync.sandbox.json.RowWriter;
import navsync.sandbox.odata.Projection;
import navsync.sandbox.odata.RowKey;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;

/**
 * Entity JSON: {@code @odata.etag}, the selected columns (with the requested annotations), then the expanded single-valued navigation properties as
 * nested objects (null when the lookup is empty) [Q-JOIN]. A navigation property with several possible tables
 * (e.g. {@code ownerid}) tags the nested object with its {@code @odata.type} (OData 4.0: the type is annotated when it
 * is not the declared one).
 */
final class EntityJson {
    private final DataStore store;

    EntityJson(DataStore store) {
        this.store = store;
    }

    /** The body of a single entity, with {@code @odata.context} {@code ...#accounts(name)/$entity}. */
    byte[] entity(ApiRequest req, EntityType type, Row row, Projection projection) {
        String context = req.serviceRoot() + "$metadata#" + type.entitySetName() + projection.contextSuffix()
                + "/$entity";
        Annotations annotations = annotations(req);
        return ApiResponse.jsonBody(g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            writeFields(g, type, row, projection, annotations);
            g.writeEndObject();
        });
    }

    /** The annotations the request asks for; null when none. */
    Annotations annotations(ApiRequest req) {
        return Annotations.of(req.preferences().includeAnnotations(), store);
    }

    /** One row's fields (without braces): etag, columns (each after its annotations), then expansions. */
    void writeFields(JsonGenerator g, EntityType type, Row row, Projection projection, Annotations annotations)
            throws IOException {
        g.writeStringField("@odata.etag", row.etag());
        for (Attribute a : projection.selection().columns()) {
            if (annotations != null) {
                annotations.write(g, type, row, a);
            }
            g.writeFieldName(a.propertyName());
            RowWriter.writeValue(g, a, row.value(a.index()));
        }
        for (Projection.Expansion e : projection.expansions()) {
            g.writeFieldName(e.nav().name());
            Object value = row.value(e.nav().attribute().index());
            Row related = value instanceof EntityReference ref
                    && ref.logicalName().equals(e.target().logicalName()) ? store.resolve(ref) : null;
            if (related == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            if (e.nav().targets().size() > 1) {
                g.writeStringField("@odata.type", "#" + e.target().odataType());
            }
            writeFields(g, e.target(), related, e.projection(), annotations);
            g.writeEndObject();
        }
    }

    /** {@code <service root>accounts(<key>)}, the form of OData-EntityId [CREATE, UPD]. */
    static String entityId(ApiRequest req, EntityType type, RowKey key) {
        return req.serviceRoot() + type.entitySetName() + "(" + key.urlForm() + ")";
    }
}
