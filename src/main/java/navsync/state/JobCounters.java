package navsync.state;

/** Counters of a synchronization job, or an increment of them. */
public record JobCounters(int inserted, int modified, int deleted, int unchanged, int skipped, int failed) {

    public static final JobCounters ZERO = new JobCounters(0, 0, 0, 0, 0, 0);

    public int total() {
        return inserted + modified + deleted + unchanged + skipped + failed;
    }
}
