package navsync.sandbox.limits;

import java.util.concurrent.TimeUnit;

import navsync.sandbox.http.ApiHandler;
import navsync.sandbox.http.ApiResponse;
import navsync.sandbox.http.IncomingRequest;

/**
 * Holds each Web API response back by {@code perRequest + perRecord x records} (rows returned or written, bulk
 * targets, batch operations), so benchmarks against the sandbox can model a remote organization.
 */
public final class LatencyModel implements ApiHandler {
    private final LatencyOptions options;
    private final ApiHandler next;

    public LatencyModel(LatencyOptions options, ApiHandler next) {
        this.options = options;
        this.next = next;
    }

    @Override
    public ApiResponse handle(IncomingRequest request) {
        long start = System.nanoTime();
        ApiResponse response = next.handle(request);
        long due = options.perRequest().toNanos() + options.perRecord().toNanos() * response.records();
        long left = due - (System.nanoTime() - start);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return response;
    }
}
