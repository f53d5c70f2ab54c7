package navsync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import navsync.sync.MappingBusyException;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operations behind the REST DSL in {@code routes/rest-api.yaml}. Each sets the HTTP status and
 * a JSON body; failures become {@code {"error": "..."}} with 400, 404 or 409.
 */
public final class RestApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestApi.class);

    private final Mappings mappings;
    private final StateStore store;
    private final SynchronizationService synchronization;

    public RestApi(Mappings mappings, StateStore store, SynchronizationService synchronization) {
        this.mappings = mappings;
        this.store = store;
        this.synchronization = synchronization;
    }

    public void mappings(Exchange exchange) {
        respond(exchange, 200, () -> mappings.all().stream().map(m -> JsonViews.mapping(m,
                store.couplings().count(m.name()), store.jobs().latest(m.name(), 2), false)).toList());
    }

    public void mapping(Exchange exchange) {
        respond(exchange, 200, () -> {
            IntegrationTableMapping m = mappings.get(exchange.getMessage().getHeader("name", String.class));
            return JsonViews.mapping(m, store.couplings().count(m.name()), store.jobs().latest(m.name(), 10), true);
        });
    }

    /**
     * Jobs, newest first, filtered by mapping, direction, status, type and start time (from inclusive,
     * to exclusive, ISO-8601), paged by offset and limit; the header X-Total-Count says how many match.
     */
    public void jobs(Exchange exchange) {
        Message in = exchange.getMessage();
        int[] total = {0};
        respond(exchange, 200, () -> {
            String mapping = in.getHeader("mapping", String.class);
            String direction = in.getHeader("direction", String.class);
            String status = in.getHeader("status", String.class);
            String type = in.getHeader("type", String.class);
            navsync.state.JobStore.JobPage page = store.jobs().search(new navsync.state.JobStore.JobQuery(
                    mapping == null ? null : mappings.get(mapping).name(),
                    direction == null ? null : onePass(direction).name(),
                    oneOf("status", status, SyncJob.RUNNING, SyncJob.SUCCEEDED, SyncJob.FAILED),
                    oneOf("type", type, navsync.sync.SynchronizationJobs.TYPE_SYNCHRONIZATION,
                            navsync.sync.SynchronizationJobs.TYPE_PREVIEW),
                    instant(in, "from"), instant(in, "to"), number(in, "offset", 0, 0, Integer.MAX_VALUE),
                    number(in, "limit", 50, 1, 1000)));
            total[0] = page.total();
            return page.jobs().stream().map(JsonViews::job).toList();
        });
        if ((int) exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE) == 200) {
            exchange.getMessage().setHeader("X-Total-Count", total[0]);
        }
    }

    /** A page of one job's errors: {"jobId", "total", "offset", "limit", "errors"}. */
    public void jobErrors(Exchange exchange) {
        Message in = exchange.getMessage();
        respond(exchange, 200, () -> {
            UUID id = uuid(in.getHeader("id", String.class));
            store.jobs().find(id).orElseThrow(() -> new NoSuchElementException("no job " + id));
            int offset = number(in, "offset", 0, 0, Integer.MAX_VALUE);
            int limit = number(in, "limit", 100, 1, 1000);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobId", id.toString());
            out.put("total", store.jobs().errorCount(id));
            out.put("offset", offset);
            out.put("limit", limit);
            out.put("errors", store.jobs().errors(id, offset, limit).stream().map(JsonViews::error).toList());
            return out;
        });
    }

    /** A one-way direction from a request. */
    static Direction onePass(String text) {
        Direction pass = parseDirection(text);
        if (pass == Direction.Bidirectional) {
            throw new IllegalArgumentException("direction must be ToIntegrationTable or FromIntegrationTable, got '" + text + "'");
        }
        return pass;
    }

    static String oneOf(String parameter, String value, String... allowed) {
        if (value == null || java.util.Arrays.asList(allowed).contains(value)) {
            return value;
        }
        throw new IllegalArgumentException(parameter + " must be one of " + java.util.Arrays.toString(allowed));
    }

    static java.time.Instant instant(Message in, String parameter) {
        String text = in.getHeader(parameter, String.class);
        try {
            return text == null ? null : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + " must be an ISO-8601 instant like 2026-11-28T14:00:00Z");
        }
    }

    static int number(Message in, String parameter, int defaultValue, int min, int max) {
        String text = in.getHeader(parameter, String.class);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(parameter + " must be a whole number from " + min + " to " + max);
    }

    public void job(Exchange exchange) {
        respond(exchange, 200, () -> {
            UUID id = uuid(exchange.getMessage().getHeader("id", String.class));
            SyncJob job = store.jobs().find(id).orElseThrow(() -> new NoSuchElementException("no job " + id));
            Map<String, Object> out = JsonViews.job(job);
            out.put("errors", store.jobs().errors(id).stream().map(JsonViews::error).toList());
            return out;
        });
    }

    public void synchronize(Exchange exchange) {
        respond(exchange, 202, () -> {
            String name = exchange.getMessage().getHeader("name", String.class);
            String direction = exchange.getMessage().getHeader("direction", String.class);
            Direction pass = direction == null ? null : parseDirection(direction);
            SynchronizationService.Started started = synchronization.start(name, pass);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobId", started.jobId().toString());
            out.put("mapping", name);
            out.put("passes", started.passes().stream().map(Enum::name).toList());
            out.put("job", "/api/jobs/" + started.jobId());
            return out;
        });
    }

    public void schedules(Exchange exchange) {
        respond(exchange, 200, () -> mappings.all().stream().filter(m -> m.schedule() != null)
                .map(m -> scheduleView(exchange.getContext(), m)).toList());
    }

    /** POST /api/schedules/{name}/{action}: pause, resume, or run (now, in the background). */
    public void scheduleAction(Exchange exchange) {
        respond(exchange, 200, () -> {
            String name = exchange.getMessage().getHeader("name", String.class);
            String action = exchange.getMessage().getHeader("action", String.class);
            IntegrationTableMapping mapping = mappings.get(name);
            if (mapping.schedule() == null || !mapping.schedule().enabled()) {
                throw new IllegalArgumentException("mapping " + name + " has no enabled schedule in " + mapping.file());
            }
            try {
                switch (action) {
                    case "pause" -> pauseSchedule(exchange.getContext(), name, true);
                    case "resume" -> pauseSchedule(exchange.getContext(), name, false);
                    case "run" -> synchronization.start(name, null);
                    default -> throw new java.util.NoSuchElementException("no schedule action '" + action
                            + "'; actions: pause, resume, run");
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(action + " of schedule " + name + " failed: " + e.getMessage(), e);
            }
            return scheduleView(exchange.getContext(), mapping);
        });
    }

    private Map<String, Object> scheduleView(org.apache.camel.CamelContext camel, IntegrationTableMapping m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", m.name());
        out.put("interval", m.schedule().interval() == null ? null : m.schedule().interval().toString());
        out.put("cron", m.schedule().cron());
        out.put("enabled", m.schedule().enabled());
        org.apache.camel.ServiceStatus status = camel.getRouteController().getRouteStatus("schedule-" + m.name());
        out.put("state", status == null ? "Disabled" : status == org.apache.camel.ServiceStatus.Suspended
                || triggerPaused(camel, m.name()) ? "Paused" : status.name());
        out.put("nextRun", nextFireTime(camel, m.name()));
        out.put("inactivitySleep", m.schedule().inactivitySleep() == null ? null : m.schedule().inactivitySleep().toString());
        out.put("asleepUntil", synchronization.asleepUntil(m.name()).map(Object::toString).orElse(null));
        return out;
    }

    /**
     * Pauses or resumes a mapping's schedule by its route (camel-quartz pauses the trigger). A clustered
     * job store (PostgreSQL state store) shares the trigger, and camel-quartz leaves it running when a
     * route is suspended there: it is paused in the job store itself, for every instance.
     */
    private static void pauseSchedule(org.apache.camel.CamelContext camel, String mapping, boolean pause) throws Exception {
        org.quartz.Scheduler scheduler = camel.getComponent("quartz",
                org.apache.camel.component.quartz.QuartzComponent.class).getScheduler();
        if (scheduler.getMetaData().isJobStoreClustered()) {
            org.quartz.TriggerKey trigger = org.quartz.TriggerKey.triggerKey(mapping, "navsync");
            if (pause) {
                scheduler.pauseTrigger(trigger);
            } else {
                scheduler.resumeTrigger(trigger);
            }
        } else if (pause) {
            camel.getRouteController().suspendRoute("schedule-" + mapping);
        } else {
            camel.getRouteController().resumeRoute("schedule-" + mapping);
        }
    }

    private static boolean triggerPaused(org.apache.camel.CamelContext camel, String mapping) {
        try {
            return camel.getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class).getScheduler()
                    .getTriggerState(org.quartz.TriggerKey.triggerKey(mapping, "navsync")) == org.quartz.Trigger.TriggerState.PAUSED;
        } catch (org.quartz.SchedulerException e) {
            return false;
        }
    }

    static String nextFireTime(org.apache.camel.CamelContext camel, String mapping) {
        try {
            org.quartz.Scheduler scheduler = camel.getComponent("quartz",
                    org.apache.camel.component.quartz.QuartzComponent.class).getScheduler();
            org.quartz.Trigger trigger = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey(mapping, "navsync"));
            return trigger == null || trigger.getNextFireTime() == null
                    || scheduler.getTriggerState(trigger.getKey()) == org.quartz.Trigger.TriggerState.PAUSED ? null
                    : trigger.getNextFireTime().toInstant().toString();
        } catch (org.quartz.SchedulerException e) {
            return null;
        }
    }

    /** The records a preview lists at most; the counters cover all. */
    private static final int PREVIEW_RECORDS = 1000;

    public void preview(Exchange exchange) {
        respond(exchange, 200, () -> {
            String name = exchange.getMessage().getHeader("name", String.class);
            String direction = exchange.getMessage().getHeader("direction", String.class);
            SynchronizationService.Preview preview = synchronization.preview(name,
                    direction == null ? null : parseDirection(direction), java.time.Duration.ofMinutes(10));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobs", preview.jobs().stream().map(JsonViews::job).toList());
            out.put("records", preview.records().stream().limit(PREVIEW_RECORDS).toList());
            out.put("truncated", preview.records().size() > PREVIEW_RECORDS);
            return out;
        });
    }

    public void synchronizeAll(Exchange exchange) {
        respond(exchange, 202, () -> {
            synchronization.startAll().whenComplete((ids, error) -> {
                if (error != null) {
                    LOG.warn("synchronization of all mappings stopped: {}", error.getMessage());
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mappings", mappings.dependencyOrder().stream().map(IntegrationTableMapping::name).toList());
            out.put("jobs", "/api/jobs");
            return out;
        });
    }

    static Direction parseDirection(String text) {
        try {
            return Direction.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("direction must be ToIntegrationTable or FromIntegrationTable, got '" + text + "'");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a job id (a GUID)");
        }
    }

    static void respond(Exchange exchange, int okStatus, Supplier<Object> body) {
        int status = okStatus;
        Object result;
        try {
            result = body.get();
        } catch (NoSuchElementException e) {
            status = 404;
            result = Map.of("error", e.getMessage());
        } catch (navsync.coupling.CouplingConflictException e) {
            status = 409;
            result = Map.of("error", e.getMessage());
        } catch (MappingBusyException e) {
            status = 409;
            // another instance's job is not always known by id
            result = e.runningJob() == null ? Map.of("error", e.getMessage())
                    : Map.of("error", e.getMessage(), "runningJob", e.runningJob().toString());
        } catch (IllegalArgumentException e) {
            status = 400;
            result = Map.of("error", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", exchange.getFromRouteId(), e.toString());
            status = 500;
            result = Map.of("error", String.valueOf(e.getMessage()));
        }
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            out.setBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
