package navsync.security;

/** What a caller of the REST API may do: a viewer reads status, an operator also runs, couples and retries. */
public enum Role {
    viewer, operator;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}
