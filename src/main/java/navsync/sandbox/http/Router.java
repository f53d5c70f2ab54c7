package navsync.sandbox.http;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.odata.QueryExecutor;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.service.EntityService;
import navsync.sandbox.service.Identity;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.store.DataStore;

/**
 * Entry point for every HTTP request: counts it, maps {@code /api/data/v9.0|v9.1|v9.2/<resource>} to an endpoint,
 * and turns failures into Dataverse error bodies.
 */
public final class Router implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final Pattern API = Pattern.compile("/api/data/(v9\\.[012])(?:/(.*))?");
    private static final Pattern RESOURCE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\((.*?)\\))?(?:/(.+))?");

    private final ApiContext ctx;
    private final String organizationUrl;
    private final RequestCounters counters;
    private final CollectionEndpoint collection;
    private final EntityEndpoint entity;
    private final BulkEndpoint bulk;
    private final ServiceEndpoint service;

    public Router(DataStore store, EntityService entityService, Identity identity, String organizationUrl,
                  int dopHint, RequestCounters counters) {
        this.ctx = new ApiContext(store, entityService, new PayloadReader(store.schema()), new QueryExecutor(store),
                new Responder(dopHint), identity);
        this.organizationUrl = organizationUrl;
        this.counters = counters;
        this.collection = new CollectionEndpoint(ctx);
        this.entity = new EntityEndpoint(ctx);
        this.bulk = new BulkEndpoint(ctx);
        this.service = new ServiceEndpoint(ctx);
    }

    @Override
    public void handle(HttpExchange ex) {
        counters.count(ex.getRequestMethod().toUpperCase(Locale.ROOT));
        try {
            try {
                route(ex);
            } catch (DataverseException e) {
                ctx.responder().sendError(ex, e.status(), e.code(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "sandbox request failed: " + ex.getRequestMethod() + " "
                        + ex.getRequestURI(), e);
                ctx.responder().sendError(ex, 500, ErrorCodes.UNEXPECTED, "An unexpected error occurred.");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "sandbox response not delivered: " + e);
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String path = uri.getPath();
        Matcher api = API.matcher(path);
        if (!api.matches()) {
            drain(ex);
            String segment = path.startsWith("/") ? path.substring(1) : path;
            throw EntityKeys.resourceNotFound(segment);
        }
        String resource = api.group(2) == null ? "" : api.group(2);
        if (resource.endsWith("/")) {
            resource = resource.substring(0, resource.length() - 1);
        }
        ApiRequest req = new ApiRequest(ex, api.group(1), resource, organizationUrl);
        String method = req.method();
        switch (resource) {
            case "" -> {
                requireMethod(req, "GET");
                service.serviceDocument(req);
                return;
            }
            case "WhoAmI", "WhoAmI()" -> {
                requireMethod(req, "GET");
                service.whoAmI(req);
                return;
            }
            case "$metadata" -> throw DataverseException.notImplemented("$metadata");
            case "$batch" -> throw DataverseException.notImplemented("$batch");
            default -> {
            }
        }
        Matcher m = RESOURCE.matcher(resource);
        if (!m.matches()) {
            throw EntityKeys.resourceNotFound(resource);
        }
        EntityType type = ctx.store().schema().byEntitySet(m.group(1));
        if (type == null) {
            throw EntityKeys.resourceNotFound(m.group(1));
        }
        String key = m.group(2);
        String rest = m.group(3);
        if (key == null) {
            if (rest == null) {
                switch (method) {
                    case "GET" -> collection.query(req, type);
                    case "POST" -> collection.create(req, type);
                    default -> throw methodNotAllowed(method);
                }
            } else if (rest.equals("$count")) {
                requireMethod(req, "GET");
                collection.count(req, type);
            } else {
                BulkEndpoint.Action action = BulkEndpoint.action(rest);
                if (action == null) {
                    throw EntityKeys.resourceNotFound(rest);
                }
                requireMethod(req, "POST");
                bulk.execute(req, type, action);
            }
            return;
        }
        UUID id = EntityKeys.parseKey(type, key);
        if (rest == null) {
            switch (method) {
                case "GET" -> entity.get(req, type, id);
                case "PATCH" -> entity.patch(req, type, id);
                case "DELETE" -> entity.delete(req, type, id);
                default -> throw methodNotAllowed(method);
            }
        } else if (rest.indexOf('/') >= 0) {
            throw DataverseException.notImplemented("The resource path '" + resource + "'");
        } else {
            switch (method) {
                case "GET" -> entity.getProperty(req, type, id, rest);
                case "PUT" -> entity.putProperty(req, type, id, rest, false);
                case "DELETE" -> entity.putProperty(req, type, id, rest, true);
                default -> throw methodNotAllowed(method);
            }
        }
    }

    private static void requireMethod(ApiRequest req, String method) {
        if (!req.method().equals(method)) {
            throw methodNotAllowed(req.method());
        }
    }

    /** 405 [COMPOSE] (e.g. DELETE/PATCH on a collection). */
    private static DataverseException methodNotAllowed(String method) {
        return new DataverseException(405, ErrorCodes.RESOURCE_NOT_FOUND,
                "The requested resource does not support http method '" + method + "'.");
    }

    private static void drain(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
    }
}
