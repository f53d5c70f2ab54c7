package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.sales.SalesError;
import navsync.sales.SalesWrite;
import navsync.state.CouplingStore;
import navsync.state.JobStore;

/**
 * One batch of a NAV -> Sales pass as it moves through the route: planned writes, records already
 * decided (unchanged, skipped, failed before writing), then the write's failures.
 */
public final class ToSalesBatch {

    /** A row to write: full values for a new row, only the changed attributes for a coupled one. */
    public record PlannedWrite(String navKey, UUID salesId, boolean insert, ObjectNode payload, ObjectNode values,
                               long navVersion) {
        SalesWrite toSalesWrite() {
            return new SalesWrite(navKey, salesId, payload);
        }
    }

    final JobRun run;
    final List<PlannedWrite> writes = new ArrayList<>();
    final List<CouplingStore.Outcome> decided = new ArrayList<>();
    final List<JobStore.NewError> errors = new ArrayList<>();
    int unchanged;
    int skipped;
    int failed;
    Map<String, SalesError> writeFailures = Map.of();

    ToSalesBatch(JobRun run) {
        this.run = run;
    }

    public JobRun run() {
        return run;
    }

    public List<PlannedWrite> writes() {
        return writes;
    }

    List<SalesWrite> salesWrites() {
        return writes.stream().map(PlannedWrite::toSalesWrite).toList();
    }
}
