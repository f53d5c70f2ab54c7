package navsync.sandbox.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

import navsync.sandbox.json.Json;
import navsync.sandbox.json.RowWriter;
import navsync.sandbox.odata.FilterParser;
import navsync.sandbox.odata.OrderBy;
import navsync.sandbox.odata.QueryExecutor;
import navsync.sandbox.odata.QueryOptions;
import navsync.sandbox.odata.RowPredicate;
import navsync.sandbox.odata.Selection;
import navsync.sandbox.odata.SkipToken;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.service.Payload;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.store.Row;

/** {@code GET <set>} (query), {@code POST <set>} (create), {@code GET <set>/$count}. */
final class CollectionEndpoint {
    /** @odata.count and /$count count at most 5,000 rows [Q-COUNT, reference section 11 item 6]. */
    static final int COUNT_LIMIT = 5000;

    private final ApiContext ctx;

    CollectionEndpoint(ApiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * POST: 204 + OData-EntityId, no body; with {@code Prefer: return=representation} 201 with the entity
     * ({@code $select} honoured), {@code Preference-Applied}, and no OData-EntityId [CREATE].
     */
    void create(ApiRequest req, EntityType type) throws IOException {
        Selection selection = Selection.parse(type, req.query().get("$select"));
        Payload payload = ctx.reader().read(type, Json.parse(req.body(), type.entitySetName()), PayloadReader.Mode.SINGLE);
        Row row = ctx.service().create(type, payload);
        HttpExchange ex = req.exchange();
        if (req.preferences().returnRepresentation()) {
            ex.getResponseHeaders().set("Preference-Applied", "return=representation");
            ex.getResponseHeaders().set("ETag", row.etag());
            ctx.responder().sendJson(ex, 201, EntityJson.entity(req, type, row, selection));
        } else {
            ex.getResponseHeaders().set("OData-EntityId", EntityJson.entityId(req, type, row.id()));
            ctx.responder().sendEmpty(ex, 204);
        }
    }

    /**
     * GET: $select, $filter, $orderby, $top, $count, paging by {@code Prefer: odata.maxpagesize} (default and max
     * 5,000) with {@code @odata.nextLink} [Q-PAGE]. When both maxpagesize and $top are given, $top is ignored
     * ("If you include both, $top is ignored" [Q-PAGE], the current doc).
     */
    void query(ApiRequest req, EntityType type) throws IOException {
        QueryOptions q = req.query();
        Selection selection = Selection.parse(type, q.get("$select"));
        RowPredicate filter = FilterParser.parse(type, q.get("$filter"), q.aliases(), ctx.store());
        OrderBy order = OrderBy.parse(type, q.get("$orderby"), q.aliases());
        boolean count = q.count();
        Integer top = q.top();
        Integer maxPageSize = req.preferences().maxPageSize();
        boolean paged = maxPageSize != null || top == null;
        int limit = maxPageSize != null ? maxPageSize
                : top != null ? Math.min(top, Preferences.MAX_PAGE_SIZE) : Preferences.MAX_PAGE_SIZE;
        SkipToken token = null;
        String rawToken = q.get("$skiptoken");
        if (rawToken != null) {
            token = SkipToken.decode(rawToken, order);
        }
        QueryExecutor.Result result = ctx.executor().run(type, filter, order, limit, token == null ? null : token.lastKey());
        String nextLink = null;
        if (paged && result.more()) {
            int nextPage = token == null ? 2 : token.pageNumber() + 1;
            String cookie = SkipToken.encode(nextPage, order, result.lastKey());
            String rest = q.rawWithoutSkipToken();
            nextLink = req.serviceRoot() + type.entitySetName() + "?" + (rest.isEmpty() ? "" : rest + "&")
                    + "$skiptoken=" + URLEncoder.encode(cookie, StandardCharsets.UTF_8).replace("+", "%20");
        }
        String context = req.serviceRoot() + "$metadata#" + type.entitySetName()
                + (selection.contextSelect() == null ? "" : "(" + selection.contextSelect() + ")");
        String next = nextLink;
        byte[] body = Responder.json(g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", context);
            if (count) {
                g.writeNumberField("@odata.count", ctx.executor().count(type, filter, COUNT_LIMIT));
            }
            g.writeArrayFieldStart("value");
            for (Row row : result.rows()) {
                g.writeStartObject();
                RowWriter.writeFields(g, row, selection.columns());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (next != null) {
                g.writeStringField("@odata.nextLink", next);
            }
            g.writeEndObject();
        });
        if (maxPageSize != null) {
            req.exchange().getResponseHeaders().set("Preference-Applied", "odata.maxpagesize=" + maxPageSize);
        }
        ctx.responder().sendJson(req.exchange(), 200, body);
    }

    /** GET {@code <set>/$count}: plain-text number, honouring $filter, capped at 5,000 [Q-COUNT]. */
    void count(ApiRequest req, EntityType type) throws IOException {
        QueryOptions q = req.query();
        RowPredicate filter = FilterParser.parse(type, q.get("$filter"), q.aliases(), ctx.store());
        long n = ctx.executor().count(type, filter, COUNT_LIMIT);
        ctx.responder().sendText(req.exchange(), 200, Long.toString(n));
    }
}
