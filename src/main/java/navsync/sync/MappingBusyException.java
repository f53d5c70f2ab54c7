package navsync.sync;

import java.util.UUID;

/** A mapping never runs twice at once: a request while one of its jobs runs is refused. */
public final class MappingBusyException extends RuntimeException {

    private final UUID runningJob;

    public MappingBusyException(String mapping, UUID runningJob) {
        super("mapping " + mapping + " is already synchronizing (job " + runningJob + ")");
        this.runningJob = runningJob;
    }

    public UUID runningJob() {
        return runningJob;
    }
}
