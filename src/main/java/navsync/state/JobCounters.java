package navsync.state;

/** Counters of a synchronization job, or an increment of them. */
public record JobCounters(int inserted, int modified, int deleted, int unchanged, int skipped, int failed,
                          int coupled, int uncoupled) {

    public static final JobCounters ZERO = new JobCounters(0, 0, 0, 0, 0, 0, 0, 0);

    /** Records handled: every record lands in exactly one of inserted..failed. */
    public int total() {
        return inserted + modified + deleted + unchanged + skipped + failed;
    }
}
