package navsync.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.JobError;
import navsync.state.SyncJob;

/** The JSON shapes of the REST API, built from the domain records. */
final class JsonViews {

    private JsonViews() {
    }

    static Map<String, Object> mapping(IntegrationTableMapping m, int couplings, List<SyncJob> lastJobs, boolean withFields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("table", m.table());
        out.put("entity", m.entity().logicalName());
        out.put("direction", m.direction().name());
        out.put("synchOnlyCoupledRecords", m.synchOnlyCoupledRecords());
        out.put("batchSize", m.batchSize());
        out.put("dependsOn", m.dependsOn());
        out.put("file", m.file().toString());
        out.put("couplings", couplings);
        if (withFields) {
            out.put("fields", m.fields().stream().map(JsonViews::field).toList());
        }
        out.put("lastJobs", lastJobs.stream().map(JsonViews::job).toList());
        return out;
    }

    static Map<String, Object> field(FieldMapping f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nav", f.navField());
        out.put("sales", f.salesAttribute());
        out.put("direction", f.direction().name());
        if (f.isConstant()) {
            out.put("constant", f.constant());
        }
        return out;
    }

    static Map<String, Object> job(SyncJob j) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", j.id().toString());
        out.put("mapping", j.mappingName());
        out.put("direction", j.direction());
        out.put("type", j.type());
        out.put("status", j.status());
        out.put("startedAt", j.startedAt().toString());
        out.put("finishedAt", j.finishedAt() == null ? null : j.finishedAt().toString());
        out.put("inserted", j.counters().inserted());
        out.put("modified", j.counters().modified());
        out.put("deleted", j.counters().deleted());
        out.put("unchanged", j.counters().unchanged());
        out.put("skipped", j.counters().skipped());
        out.put("failed", j.counters().failed());
        out.put("coupled", j.counters().coupled());
        out.put("uncoupled", j.counters().uncoupled());
        out.put("elapsedMs", j.elapsed().toMillis());
        out.put("recordsPerSecond", Math.round(j.recordsPerSecond() * 10) / 10.0);
        out.put("message", j.message());
        return out;
    }

    static Map<String, Object> error(JobError e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("navKey", e.navKey());
        out.put("salesId", e.salesId() == null ? null : e.salesId().toString());
        out.put("message", e.message());
        out.put("at", e.createdAt().toString());
        return out;
    }
}
