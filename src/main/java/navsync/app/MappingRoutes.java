package navsync.app;

import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationService;
import org.apache.camel.builder.RouteBuilder;

/**
 * Instantiates the route templates of {@code routes/} once per mapping file: a new mapping needs a
 * YAML file in {@code mappings/}, not code.
 */
final class MappingRoutes extends RouteBuilder {

    private final Mappings mappings;
    private final boolean schedules;

    MappingRoutes(Mappings mappings, boolean schedules) {
        this.mappings = mappings;
        this.schedules = schedules;
    }

    /** The route of a mapping's schedule. */
    static String scheduleRouteId(String mapping) {
        return "schedule-" + mapping;
    }

    @Override
    public void configure() {
        for (IntegrationTableMapping mapping : mappings.all()) {
            if (mapping.isOptionMapping()) {
                Direction pass = mapping.direction();
                String kind = pass == Direction.ToIntegrationTable ? "nav-to-sales-" : "sales-to-nav-";
                templatedRoute("option-mapping").routeId(kind + mapping.name()).parameter("mapping", mapping.name())
                        .parameter("pass", pass.name())
                        .parameter("endpoint", SynchronizationService.passEndpoint(mapping.name(), pass));
            } else if (mapping.allows(Direction.ToIntegrationTable)) {
                templatedRoute("nav-to-sales").routeId("nav-to-sales-" + mapping.name())
                        .parameter("mapping", mapping.name());
            }
            if (!mapping.isOptionMapping() && mapping.allows(Direction.FromIntegrationTable)) {
                templatedRoute("sales-to-nav").routeId("sales-to-nav-" + mapping.name())
                        .parameter("mapping", mapping.name());
            }
            if (schedules && mapping.schedule() != null && mapping.schedule().enabled()) {
                templatedRoute("scheduled-synchronization").routeId(scheduleRouteId(mapping.name()))
                        .parameter("mapping", mapping.name()).parameter("trigger", mapping.schedule().quartzOptions());
            }
        }
    }
}
