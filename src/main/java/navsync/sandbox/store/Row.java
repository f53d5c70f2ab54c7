package navsync.sandbox.store;

import java.util.UUID;

/**
 * One stored row: its id, its version (the {@code versionnumber} and ETag) and its values indexed by
 * {@code Attribute.index()}. Never modified after it is stored: writes store a new Row.
 * Value types: String, Integer, Long, BigDecimal, Double, Boolean, UUID, Instant (DateTime), LocalDate
 * (DateOnly), {@link EntityReference} (Lookup); null when empty.
 */
public final class Row {
    private final UUID id;
    private final long version;
    private final Object[] values;

    public Row(UUID id, long version, Object[] values) {
        this.id = id;
        this.version = version;
        this.values = values;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Object value(int index) {
        return values[index];
    }

    /** A copy of the values, for building the next version of the row. */
    public Object[] copyValues() {
        return values.clone();
    }

    /** The weak ETag, {@code W/"<versionnumber>"} (the number matches versionnumber in the documented examples). */
    public String etag() {
        return "W/\"" + version + "\"";
    }
}
