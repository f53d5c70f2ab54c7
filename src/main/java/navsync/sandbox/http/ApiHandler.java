package navsync.sandbox.http;

/**
 * Answers one Web API request. The router is one; authentication, service protection, fault injection and latency
 * are decorators around it, each with one job.
 */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(IncomingRequest request);
}
