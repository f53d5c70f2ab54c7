package navsync.sales;

/**
 * A bound on parallel Web API requests that can change while requests run: the configured maximum,
 * lowered to the service's {@code x-ms-dop-hint} (its recommended degree of parallelism) once a
 * response carries one. Lowering it lets requests in flight finish; new ones wait.
 */
public final class ParallelLimit {

    private final int configuredMaximum;
    private int limit; // guarded by this
    private int inFlight; // guarded by this
    private int peak; // guarded by this

    public ParallelLimit(int configuredMaximum) {
        if (configuredMaximum < 1) {
            throw new IllegalArgumentException("navsync.sales.max-parallel-requests must be at least 1, got "
                    + configuredMaximum);
        }
        this.configuredMaximum = configuredMaximum;
        this.limit = configuredMaximum;
    }

    public synchronized void acquire() {
        boolean interrupted = false;
        while (inFlight >= limit) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        inFlight++;
        peak = Math.max(peak, inFlight);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void release() {
        inFlight--;
        notifyAll();
    }

    /** Applies the service's {@code x-ms-dop-hint} header value; ignores what is not a positive number. */
    public void applyDopHint(String header) {
        if (header == null) {
            return;
        }
        int hint;
        try {
            hint = Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (hint < 1) {
            return;
        }
        synchronized (this) {
            int next = Math.min(configuredMaximum, hint);
            if (next != limit) {
                limit = next;
                notifyAll();
            }
        }
    }

    public synchronized int limit() {
        return limit;
    }

    /** The most requests that were in flight at once. */
    public synchronized int peak() {
        return peak;
    }
}
