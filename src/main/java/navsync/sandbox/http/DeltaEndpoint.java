package navsync.sandbox.http;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.odata.ChangeReader;
import navsync.sandbox.odata.DeltaToken;
import navsync.sandbox.odata.Projection;
import navsync.sandbox.odata.QueryOptions;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.Row;
import navsync.sandbox.store.Table;

/**
 * A delta request, {@code GET <set>?$select=...&$deltatoken=...} [CT]: {@code @odata.context} ending in
 * {@code /$delta}; {@code value} holds new and changed rows, then deleted rows as {@code $deletedEntity} objects with
 * {@code id} and {@code reason} only; a new {@code @odata.deltaLink} for the next round. With no changes the value is
 * empty, with a new delta link ("the response contains empty JSON" [CT]; inference).
 */
final class DeltaEndpoint {
    private final ApiContext ctx;
    private final ChangeReader reader;

    DeltaEndpoint(ApiContext ctx) {
        this.ctx = ctx;
        this.reader = new ChangeReader(ctx.store());
    }

    /** "$filter, $orderby, $expand, $top" are refused with change tracking, with the [CT] message. */
    static void rejectUnsupportedOptions(QueryOptions q) {
        for (String option : new String[] {"$filter", "$orderby", "$expand", "$top"}) {
            if (q.has(option)) {
                throw DataverseException.query("The \"" + option + "\" query parameter isn't supported when Change "
                        + "Tracking is enabled.");
            }
        }
    }

    ApiResponse query(ApiRequest req, EntityType type) {
        QueryOptions q = req.query();
        rejectUnsupportedOptions(q);
        DeltaToken from = ctx.changes().accept(q.get("$deltatoken"));
        Projection projection = Projection.parse(ctx.store().schema(), type, q.get("$select"), null);
        String rawToken = q.get("$skiptoken");
        ChangeReader.Cursor cursor = rawToken == null ? null : ChangeReader.Cursor.decode(rawToken);
        Integer maxPageSize = req.preferences().maxPageSize();
        ChangeReader.Page page = reader.read(type, from.version(), cursor,
                maxPageSize != null ? maxPageSize : Preferences.MAX_PAGE_SIZE);
        String next = page.next() == null ? null
                : CollectionEndpoint.link(req, type, q.rawWithoutSkipToken(), "$skiptoken", page.next().encode());
        String deltaLink = page.next() != null ? null
                : CollectionEndpoint.link(req, type, q.rawWithout("skiptoken", "deltatoken"), "$deltatoken",
                        ctx.changes().issue(page.upTo()).encode());
        String root = req.serviceRoot() + "$metadata#" + type.entitySetName();
        Annotations annotations = ctx.json().annotations(req);
        ApiResponse response = ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", root + projection.contextSuffix() + "/$delta");
            g.writeArrayFieldStart("value");
            for (Row row : page.changed()) {
                g.writeStartObject();
                ctx.json().writeFields(g, type, row, projection, annotations);
                g.writeEndObject();
            }
            for (Table.Deletion d : page.deleted()) {
                g.writeStartObject();
                g.writeStringField("@odata.context", root + "/$deletedEntity");
                g.writeStringField("id", d.id().toString());
                g.writeStringField("reason", "deleted");
                g.writeEndObject();
            }
            g.writeEndArray();
            if (next != null) {
                g.writeStringField("@odata.nextLink", next);
            }
            if (deltaLink != null) {
                g.writeStringField("@odata.deltaLink", deltaLink);
            }
            g.writeEndObject();
        }).records(page.changed().size() + page.deleted().size());
        String applied = req.preferences().applied(req.preferences().trackChanges(), maxPageSize);
        return applied == null ? response : response.header("Preference-Applied", applied);
    }

    /** {@code <set>/$count?$deltatoken=...}: the number of changes [CT], capped like $count. */
    long count(ApiRequest req, EntityType type) {
        DeltaToken from = ctx.changes().accept(req.query().get("$deltatoken"));
        return reader.count(type, from.version(), CollectionEndpoint.COUNT_LIMIT);
    }
}
