package navsync.sandbox.http;

import java.util.concurrent.atomic.LongAdder;

/** Requests served, for tests and benchmarks: all requests, and writes (POST/PATCH/PUT/DELETE). */
public final class RequestCounters {
    private final LongAdder all = new LongAdder();
    private final LongAdder writes = new LongAdder();

    void count(String method) {
        all.increment();
        switch (method) {
            case "POST", "PATCH", "PUT", "DELETE" -> writes.increment();
            default -> {
            }
        }
    }

    public long requests() {
        return all.sum();
    }

    public long writes() {
        return writes.sum();
    }

    public void reset() {
        all.reset();
        writes.reset();
    }
}
