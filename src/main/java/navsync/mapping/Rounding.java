package navsync.mapping;

/** A NAV decimal with more places than its Sales column holds (the column's precision). */
public enum Rounding {
    /** rounded half up to the column's precision, the job warning about the record */
    warn,
    /** the record fails, naming the value and the precision */
    fail
}
