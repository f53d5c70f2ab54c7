package navsync.sandbox.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.odata.QueryExecutor;
import navsync.sandbox.odata.RowKey;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.service.ChangeTracking;
import navsync.sandbox.service.EntityService;
import navsync.sandbox.service.Identity;
import navsync.sandbox.service.PayloadReader;
import navsync.sandbox.store.DataStore;

/**
 * Maps {@code /api/data/v9.0|v9.1|v9.2/<resource>} to an endpoint and turns failures into Dataverse error bodies.
 * Serves requests from the wire and the parts of a {@code $batch} alike.
 */
public final class Router implements ApiHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final Pattern API = Pattern.compile("/api/data/(v9\\.[012])(?:/(.*))?");

    private final ApiContext ctx;
    private final CollectionEndpoint collection;
    private final EntityEndpoint entity;
    private final BulkEndpoint bulk;
    private final ServiceEndpoint service;
    private final BatchEndpoint batch;
    private final OptionSetEndpoint optionSets;
    private final SdkMessageFilters messageFilters;

    public Router(DataStore store, EntityService entityService, Identity identity, ChangeTracking changes) {
        this(store, entityService, identity, changes, java.util.Set.of());
    }

    /** @param withoutBulkActions tables (logical names) without CreateMultiple / UpdateMultiple / UpsertMultiple */
    public Router(DataStore store, EntityService entityService, Identity identity, ChangeTracking changes,
                  java.util.Set<String> withoutBulkActions) {
        this.ctx = new ApiContext(store, entityService, new PayloadReader(store), new QueryExecutor(store), identity,
                new EntityJson(store), changes, withoutBulkActions);
        this.collection = new CollectionEndpoint(ctx);
        this.entity = new EntityEndpoint(ctx);
        this.bulk = new BulkEndpoint(ctx);
        this.service = new ServiceEndpoint(ctx);
        this.batch = new BatchEndpoint(store, this);
        this.optionSets = new OptionSetEndpoint(ctx);
        this.messageFilters = new SdkMessageFilters(ctx);
    }

    /** Whether {@code path} is a Web API path this router serves. */
    public static boolean isWebApi(String path) {
        return path.startsWith("/api/data/");
    }

    @Override
    public ApiResponse handle(IncomingRequest in) {
        try {
            return route(in);
        } catch (DataverseException e) {
            return ApiResponse.error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox request failed: " + in.line(), e);
            return ApiResponse.error(500, ErrorCodes.UNEXPECTED, "An unexpected error occurred.");
        }
    }

    private ApiResponse route(IncomingRequest in) {
        Matcher api = API.matcher(in.path());
        if (!api.matches()) {
            String segment = in.path().startsWith("/") ? in.path().substring(1) : in.path();
            throw EntityKeys.resourceNotFound(segment);
        }
        String resource = api.group(2) == null ? "" : api.group(2);
        if (resource.endsWith("/")) {
            resource = resource.substring(0, resource.length() - 1);
        }
        ApiRequest req = new ApiRequest(in, api.group(1), resource);
        switch (resource) {
            case "" -> {
                requireMethod(req, "GET");
                return service.serviceDocument(req);
            }
            case "WhoAmI", "WhoAmI()" -> {
                requireMethod(req, "GET");
                return service.whoAmI(req);
            }
            case "$metadata" -> {
                requireMethod(req, "GET");
                return service.metadata(req);
            }
            case "sdkmessagefilters" -> {
                requireMethod(req, "GET");
                return messageFilters.query(req);
            }
            case "$batch" -> {
                requireMethod(req, "POST");
                return batch.execute(req);
            }
            case "InsertOptionValue" -> {
                requireMethod(req, "POST");
                return optionSets.insertOptionValue(req);
            }
            default -> {
                if (OptionSetEndpoint.serves(resource)) {
                    requireMethod(req, "GET");
                    return optionSets.picklist(req);
                }
                return routeEntitySet(req, resource);
            }
        }
    }

    private ApiResponse routeEntitySet(ApiRequest req, String resource) {
        EntityKeys.ResourcePath path = EntityKeys.splitResource(resource);
        if (path == null) {
            throw EntityKeys.resourceNotFound(resource);
        }
        EntityType type = ctx.store().schema().byEntitySet(path.entitySet());
        if (type == null) {
            throw EntityKeys.resourceNotFound(path.entitySet());
        }
        String method = req.method();
        String rest = path.rest();
        if (path.key() == null) {
            if (rest == null) {
                return switch (method) {
                    case "GET" -> collection.query(req, type);
                    case "POST" -> collection.create(req, type);
                    default -> throw methodNotAllowed(method);
                };
            }
            if (rest.equals("$count")) {
                requireMethod(req, "GET");
                return collection.count(req, type);
            }
            BulkEndpoint.Action action = BulkEndpoint.action(rest);
            if (action == null) {
                throw EntityKeys.resourceNotFound(rest);
            }
            requireMethod(req, "POST");
            return bulk.execute(req, type, action);
        }
        RowKey key = EntityKeys.parseKey(type, path.key());
        if (rest == null) {
            return switch (method) {
                case "GET" -> entity.get(req, type, key);
                case "PATCH" -> entity.patch(req, type, key);
                case "DELETE" -> entity.delete(req, type, key);
                default -> throw methodNotAllowed(method);
            };
        }
        if (rest.endsWith("/$ref") && rest.indexOf('/') == rest.length() - 5) {
            String nav = rest.substring(0, rest.length() - 5);
            return switch (method) {
                case "PUT" -> entity.associate(req, type, key, nav);
                case "DELETE" -> entity.disassociate(req, type, key, nav);
                default -> throw methodNotAllowed(method);
            };
        }
        if (rest.indexOf('/') >= 0) {
            throw DataverseException.notImplemented("The resource path '" + resource + "'");
        }
        return switch (method) {
            case "GET" -> entity.getProperty(req, type, key, rest);
            case "PUT" -> entity.putProperty(req, type, key, rest, false);
            case "DELETE" -> entity.putProperty(req, type, key, rest, true);
            default -> throw methodNotAllowed(method);
        };
    }

    private static void requireMethod(ApiRequest req, String method) {
        if (!req.method().equals(method)) {
            throw methodNotAllowed(req.method());
        }
    }

    /** 405 [COMPOSE] (e.g. DELETE/PATCH on a collection). */
    private static DataverseException methodNotAllowed(String method) {
        return new DataverseException(405, ErrorCodes.RESOURCE_NOT_FOUND,
                "The requested resource does not support http method '" + method.toUpperCase(Locale.ROOT) + "'.");
    }
}
