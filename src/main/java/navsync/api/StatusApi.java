package navsync.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.status.SynchronizationStatus;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The synchronization status operations behind {@code routes/rest-api.yaml}: the summary per mapping,
 * the coupled data synchronization errors, and retry / restore of one coupling or of a mapping's all.
 */
public final class StatusApi {

    private final Mappings mappings;
    private final SynchronizationStatus status;
    private final String organizationUrl;

    public StatusApi(Mappings mappings, SynchronizationStatus status, String organizationUrl) {
        this.mappings = mappings;
        this.status = status;
        this.organizationUrl = organizationUrl;
    }

    /** GET /status: the status page, one self-contained HTML file that reads the API below. */
    public void page(Exchange exchange) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        out.setHeader("Cache-Control", "no-cache");
        out.setBody(PAGE);
    }

    private static final String PAGE = resource("status/index.html");

    private static String resource(String name) {
        try (java.io.InputStream in = StatusApi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GET /api/status: every mapping's summary. */
    public void summary(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("at", java.time.Instant.now().toString());
            out.put("mappings", mappings.dependencyOrder().stream()
                    .map(m -> summary(exchange, status.summary(m.name()))).toList());
            return out;
        });
    }

    /** GET /api/status/errors?mapping=&state=failed|skipped&offset=&limit= */
    public void errors(Exchange exchange) {
        Message in = exchange.getMessage();
        RestApi.respond(exchange, 200, () -> {
            String state = RestApi.oneOf("state", in.getHeader("state", String.class), "failed", "skipped");
            int offset = RestApi.number(in, "offset", 0, 0, Integer.MAX_VALUE);
            int limit = RestApi.number(in, "limit", 50, 1, 200);
            SynchronizationStatus.ErrorPage page = status.errors(in.getHeader("mapping", String.class),
                    state == null ? null : CouplingStore.ErrorState.valueOf(state), offset, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", page.total());
            out.put("offset", offset);
            out.put("limit", limit);
            out.put("errors", page.errors().stream().map(this::error).toList());
            return out;
        });
    }

    /** POST /api/mappings/{name}/records/{key}/retry */
    public void retry(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            Coupling c = status.retry(header(exchange, "name"), header(exchange, "key"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mapping", c.mappingName());
            out.put("navKey", c.navKey());
            out.put("skipped", c.skipped());
            out.put("failures", c.failureCount());
            out.put("next", "the next run of " + c.mappingName() + " synchronizes the record again");
            return out;
        });
    }

    /** POST /api/mappings/{name}/retry */
    public void retryAll(Exchange exchange) {
        RestApi.respond(exchange, 200, () -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mapping", header(exchange, "name"));
            out.put("retried", status.retryAll(header(exchange, "name")));
            return out;
        });
    }

    /** POST /api/mappings/{name}/records/{key}/restore */
    public void restore(Exchange exchange) {
        RestApi.respond(exchange, 202, () -> {
            SynchronizationService.Started started = status.restore(header(exchange, "name"), header(exchange, "key"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobId", started.jobId().toString());
            out.put("direction", started.passes().get(0).name());
            out.put("job", "/api/jobs/" + started.jobId());
            return out;
        });
    }

    /** POST /api/mappings/{name}/restore */
    public void restoreAll(Exchange exchange) {
        RestApi.respond(exchange, 202, () -> {
            SynchronizationStatus.Restored restored = status.restoreAll(header(exchange, "name"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mapping", header(exchange, "name"));
            out.put("salesRows", restored.salesRows());
            out.put("navRecords", restored.navRecords());
            out.put("jobId", restored.started() == null ? null : restored.started().jobId().toString());
            out.put("passes", restored.started() == null ? List.of()
                    : restored.started().passes().stream().map(Enum::name).toList());
            return out;
        });
    }

    private Map<String, Object> summary(Exchange exchange, SynchronizationStatus.Summary s) {
        IntegrationTableMapping m = s.mapping();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("table", m.table());
        out.put("entity", m.entity().logicalName());
        out.put("direction", m.direction().name());
        out.put("couplings", s.couplings());
        out.put("failed", s.failed());
        out.put("skipped", s.skipped());
        out.put("running", s.runningJob() == null ? null : s.runningJob().toString());
        Map<String, Object> lastRuns = new LinkedHashMap<>();
        s.lastRuns().forEach((pass, job) -> lastRuns.put(pass.name(), job == null ? null : JsonViews.job(job)));
        out.put("lastRuns", lastRuns);
        Map<String, Object> lag = new LinkedHashMap<>();
        s.lag().forEach((pass, d) -> lag.put(pass.name(), d == null ? null : d.toSeconds()));
        out.put("lagSeconds", lag);
        boolean scheduled = m.schedule() != null && m.schedule().enabled();
        out.put("nextRun", scheduled ? RestApi.nextFireTime(exchange.getContext(), m.name()) : null);
        return out;
    }

    private Map<String, Object> error(SynchronizationStatus.CouplingErrorView e) {
        Coupling c = e.coupling();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", e.mapping());
        out.put("state", c.skipped() ? "skipped" : "failed");
        out.put("navKey", c.navKey());
        out.put("navName", e.navName());
        out.put("navExists", e.navExists());
        out.put("salesId", c.salesId().toString());
        out.put("salesName", e.salesName());
        out.put("salesExists", e.salesExists());
        mappings.find(e.mapping()).ifPresent(m -> out.put("salesUrl",
                navsync.coupling.CouplingService.salesUrl(organizationUrl, m, c.salesId())));
        out.put("pending", c.isPending());
        out.put("failedPasses", SynchronizationStatus.failedPasses(c).stream().map(Direction::name).toList());
        out.put("failures", c.failureCount());
        out.put("lastError", c.lastError());
        out.put("failedAt", e.failedAt() == null ? null : e.failedAt().toString());
        Direction restore = e.restorePass();
        out.put("restore", restore == null ? null : restore == Direction.ToIntegrationTable ? "recreate the Sales row"
                : "recreate the NAV record");
        if (e.unreadable() != null) {
            out.put("unreadable", e.unreadable());
        }
        return out;
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }
}
