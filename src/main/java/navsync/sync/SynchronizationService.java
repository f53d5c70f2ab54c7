package navsync.sync;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Starts synchronization jobs: opens the job (so its id can be returned at once) and hands it to
 * the mapping's pass route. Used by the REST API, the start-up run and the tests alike.
 */
public final class SynchronizationService {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final SynchronizationJobs jobs;
    private final Mappings mappings;
    private final StateStore store;

    public SynchronizationService(CamelContext camel, SynchronizationJobs jobs, Mappings mappings, StateStore store) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.jobs = jobs;
        this.mappings = mappings;
        this.store = store;
    }

    /** The route endpoint of a mapping's pass. */
    public static String passEndpoint(String mapping, Direction pass) {
        if (pass != Direction.ToIntegrationTable) {
            throw new UnsupportedOperationException("the Sales -> NAV pass (" + pass + ") is not available in this version;"
                    + " this version synchronizes NAV -> Sales (ToIntegrationTable)");
        }
        return "direct:nav-to-sales-" + mapping;
    }

    /** Starts a pass in the background; returns its job id. */
    public Started start(String mappingName, Direction pass) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Direction chosen = pass == null ? defaultPass(mapping) : pass;
        String endpoint = passEndpoint(mapping.name(), chosen);
        JobRun run = jobs.open(mapping.name(), chosen);
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(JobRun.PROPERTY, run);
        CompletableFuture<Exchange> done = producer.asyncSend(endpoint, exchange);
        return new Started(run.id(), done);
    }

    /** Runs a pass and waits for it; returns the finished job. */
    public SyncJob run(String mappingName, Direction pass, Duration timeout) {
        Started started = start(mappingName, pass);
        try {
            started.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for job " + started.jobId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("job " + started.jobId() + " did not finish: " + e.getMessage(), e);
        }
        return store.jobs().find(started.jobId()).orElseThrow();
    }

    /** The pass a request that names no direction gets: the mapping's own one-way direction, or NAV -> Sales. */
    private static Direction defaultPass(IntegrationTableMapping mapping) {
        return mapping.direction() == Direction.FromIntegrationTable ? Direction.FromIntegrationTable
                : Direction.ToIntegrationTable;
    }

    /** A started job and the completion of its route. */
    public record Started(UUID jobId, CompletableFuture<Exchange> done) {
    }
}
