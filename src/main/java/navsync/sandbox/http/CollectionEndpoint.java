package navsync.sandbox.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import navsync.sandbox.json.Json;
import navsync.sandbox.odata.FilterParser;
import navsync.sandbox.odata.OrderBy;
import navsync.sandbox.odata.Projection;
import navsync.sandbox.odata.QueryExecutor;
import navsync.sandbox.odata.QueryOptions;
import navsync.sandbox.odata.RowKey;
import navsync.sandbox.odata.RowPredicate;
import navsync.sandbox.odata.SkipToken;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.service.Payload;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.store.Row;

/** {@code GET <set>} (query, change tracking), {@code POST <set>} (create), {@code GET <set>/$count}. */
final class CollectionEndpoint {
    /** @odata.count and /$count count at most 5,000 rows [Q-COUNT, reference section 11 item 6]. */
    static final int COUNT_LIMIT = 5000;

    private final ApiContext ctx;
    private final DeltaEndpoint delta;

    CollectionEndpoint(ApiContext ctx) {
        this.ctx = ctx;
        this.delta = new DeltaEndpoint(ctx);
    }

    /**
     * POST: 204 + OData-EntityId, no body; with {@code Prefer: return=representation} 201 with the entity
     * ({@code $select} and {@code $expand} honoured), {@code Preference-Applied}, and no OData-EntityId [CREATE].
     */
    ApiResponse create(ApiRequest req, EntityType type) {
        Projection projection = Projection.parse(ctx.store().schema(), type, req.query().get("$select"),
                req.query().get("$expand"));
        Payload payload = ctx.reader().read(type, Json.parse(req.body(), type.entitySetName()), PayloadReader.Mode.SINGLE);
        Row row = ctx.service().create(type, payload);
        String entityId = EntityJson.entityId(req, type, new RowKey.Id(row.id()));
        if (req.preferences().returnRepresentation()) {
            return ApiResponse.json(201, ctx.json().entity(req, type, row, projection))
                    .header("Preference-Applied", "return=representation").header("ETag", row.etag()).records(1)
                    .entityUrl(entityId);
        }
        return ApiResponse.empty(204).header("OData-EntityId", entityId).records(1).entityUrl(entityId);
    }

    /**
     * GET: $select, $expand, $filter, $orderby, $top, $count, paging by {@code Prefer: odata.maxpagesize} (default
     * and max 5,000) with {@code @odata.nextLink} [Q-PAGE]. When both maxpagesize and $top are given, $top is ignored
     * ("If you include both, $top is ignored" [Q-PAGE], the current doc). With {@code Prefer: odata.track-changes}
     * the last page carries an {@code @odata.deltaLink} [CT]; a {@code $deltatoken} request is a delta.
     */
    ApiResponse query(ApiRequest req, EntityType type) {
        QueryOptions q = req.query();
        if (q.has("$deltatoken")) {
            return delta.query(req, type);
        }
        String rawToken = q.get("$skiptoken");
        SkipToken token = null;
        OrderBy order = OrderBy.parse(type, q.get("$orderby"), q.aliases());
        if (rawToken != null) {
            token = SkipToken.decode(rawToken, order);
        }
        boolean tracking = req.preferences().trackChanges() || (token != null && token.trackingVersion() != null);
        if (tracking) {
            DeltaEndpoint.rejectUnsupportedOptions(q);
        }
        // the version is taken before reading: rows changed while the client pages show up again in the delta
        Long trackingVersion = !tracking ? null
                : token != null ? token.trackingVersion() : ctx.store().currentVersion();
        Projection projection = Projection.parse(ctx.store().schema(), type, q.get("$select"), q.get("$expand"));
        RowPredicate filter = FilterParser.parse(type, q.get("$filter"), q.aliases(), ctx.store());
        boolean count = q.count();
        Integer top = q.top();
        Integer maxPageSize = req.preferences().maxPageSize();
        boolean paged = maxPageSize != null || top == null;
        int limit = maxPageSize != null ? maxPageSize
                : top != null ? Math.min(top, Preferences.MAX_PAGE_SIZE) : Preferences.MAX_PAGE_SIZE;
        QueryExecutor.Result result = ctx.executor().run(type, filter, order, limit, token == null ? null : token.lastKey());
        String nextLink = null;
        if (paged && result.more()) {
            int nextPage = token == null ? 2 : token.pageNumber() + 1;
            String cookie = SkipToken.encode(nextPage, order, result.lastKey(), trackingVersion);
            nextLink = link(req, type, q.rawWithoutSkipToken(), "$skiptoken", cookie);
        }
        String deltaLink = tracking && nextLink == null
                ? link(req, type, q.rawWithout("skiptoken", "count"), "$deltatoken",
                        ctx.changes().issue(trackingVersion).encode())
                : null;
        String context = req.serviceRoot() + "$metadata#" + type.entitySetName() + projection.contextSuffix();
        String next = nextLink;
        Annotations annotations = ctx.json().annotations(req);
        ApiResponse response = ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            if (count) {
                g.writeNumberField("@odata.count", ctx.executor().count(type, filter, COUNT_LIMIT));
            }
            g.writeArrayFieldStart("value");
            for (Row row : result.rows()) {
                g.writeStartObject();
                ctx.json().writeFields(g, type, row, projection, annotations);
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
        }).records(result.rows().size());
        String applied = req.preferences().applied(tracking && req.preferences().trackChanges(), maxPageSize);
        return applied == null ? response : response.header("Preference-Applied", applied);
    }

    /** GET {@code <set>/$count}: plain-text number, honouring $filter, capped at 5,000 [Q-COUNT]; or of a delta [CT]. */
    ApiResponse count(ApiRequest req, EntityType type) {
        QueryOptions q = req.query();
        if (q.has("$deltatoken")) {
            return ApiResponse.text(200, Long.toString(delta.count(req, type)));
        }
        RowPredicate filter = FilterParser.parse(type, q.get("$filter"), q.aliases(), ctx.store());
        long n = ctx.executor().count(type, filter, COUNT_LIMIT);
        return ApiResponse.text(200, Long.toString(n));
    }

    /** {@code <root><set>?<rest>&<option>=<encoded value>}; the value is encoded once (never re-encode it [Q-PAGE]). */
    static String link(ApiRequest req, EntityType type, String rest, String option, String value) {
        return req.serviceRoot() + type.entitySetName() + "?" + (rest.isEmpty() ? "" : rest + "&") + option + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
