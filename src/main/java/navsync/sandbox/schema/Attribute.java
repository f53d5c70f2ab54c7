package navsync.sandbox.schema;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of an entity: its type and the constraints the sandbox enforces. Immutable; built through
 * {@link Builder} and given its slot {@link #index()} in a row's value array by {@link EntityType.Builder}.
 */
public final class Attribute {
    private final String logicalName;
    private final AttributeType type;
    private final int index;
    private final int maxLength;
    private final BigDecimal minValue;
    private final BigDecimal maxValue;
    private final int precision;
    private final Map<Integer, String> options;
    private final Map<Integer, Integer> stateLinks;
    private final RequiredLevel requiredLevel;
    private final boolean validForCreate;
    private final boolean validForUpdate;
    private final boolean primaryKey;
    private final Map<String, List<String>> navigation;

    private Attribute(Builder b, int index) {
        this.logicalName = b.logicalName;
        this.type = b.type;
        this.index = index;
        this.maxLength = b.maxLength;
        this.minValue = b.minValue;
        this.maxValue = b.maxValue;
        this.precision = b.precision;
        // sorted by value; InsertOptionValue adds to it while requests read it
        this.options = new java.util.concurrent.ConcurrentSkipListMap<>(b.options);
        this.stateLinks = Collections.unmodifiableMap(new LinkedHashMap<>(b.stateLinks));
        this.requiredLevel = b.requiredLevel;
        this.validForCreate = b.validForCreate;
        this.validForUpdate = b.validForUpdate;
        this.primaryKey = b.primaryKey;
        Map<String, List<String>> nav = new LinkedHashMap<>();
        b.navigation.forEach((k, v) -> nav.put(k, List.copyOf(v)));
        this.navigation = Collections.unmodifiableMap(nav);
    }

    public String logicalName() {
        return logicalName;
    }

    /** Name of the JSON property: {@code _x_value} for lookups, else the logical name. */
    public String propertyName() {
        return type == AttributeType.LOOKUP ? "_" + logicalName + "_value" : logicalName;
    }

    public AttributeType type() {
        return type;
    }

    public int index() {
        return index;
    }

    public int maxLength() {
        return maxLength;
    }

    public BigDecimal minValue() {
        return minValue;
    }

    public BigDecimal maxValue() {
        return maxValue;
    }

    /** Decimal places for Decimal, Double and Money. */
    public int precision() {
        return precision;
    }

    /** Valid option values with labels, for Picklist, State and Status. */
    public Map<Integer, String> options() {
        return Collections.unmodifiableMap(options);
    }

    /**
     * Adds an option to a Picklist (InsertOptionValue): {@code value}, or the next one from the
     * default publisher's prefix (100,000,000) when null. Returns the value.
     */
    public synchronized int addOption(Integer value, String label) {
        if (type != AttributeType.PICKLIST) {
            throw new IllegalStateException(logicalName + " is not a Picklist");
        }
        int next = value != null ? value : Math.max(CUSTOM_OPTION_START, options.keySet().stream()
                .mapToInt(Integer::intValue).max().orElse(0) + 1);
        if (options.putIfAbsent(next, label) != null) {
            throw new IllegalArgumentException("value " + next + " is already used by option '" + options.get(next) + "'");
        }
        return next;
    }

    /** The first value of options added to an organization (publisher prefix 10000 x 10,000). */
    public static final int CUSTOM_OPTION_START = 100_000_000;

    /** STATE: state value to its default status. STATUS: status value to the state it belongs to. */
    public Map<Integer, Integer> stateLinks() {
        return stateLinks;
    }

    public RequiredLevel requiredLevel() {
        return requiredLevel;
    }

    public boolean validForCreate() {
        return validForCreate;
    }

    public boolean validForUpdate() {
        return validForUpdate;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** Lookups: single-valued navigation property name to the logical names of the tables it can point to. */
    public Map<String, List<String>> navigation() {
        return navigation;
    }

    @Override
    public String toString() {
        return logicalName + ":" + type;
    }

    public static Builder of(String logicalName, AttributeType type) {
        return new Builder(logicalName, type);
    }

    public static Builder string(String name, int maxLength) {
        return of(name, AttributeType.STRING).maxLength(maxLength);
    }

    public static Builder memo(String name, int maxLength) {
        return of(name, AttributeType.MEMO).maxLength(maxLength);
    }

    public static Builder integer(String name, long min, long max) {
        return of(name, AttributeType.INTEGER).range(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public static Builder decimal(String name, String min, String max, int precision) {
        return of(name, AttributeType.DECIMAL).range(new BigDecimal(min), new BigDecimal(max)).precision(precision);
    }

    public static Builder dbl(String name, String min, String max, int precision) {
        return of(name, AttributeType.DOUBLE).range(new BigDecimal(min), new BigDecimal(max)).precision(precision);
    }

    public static Builder money(String name, String min, String max, int precision) {
        return of(name, AttributeType.MONEY).range(new BigDecimal(min), new BigDecimal(max)).precision(precision);
    }

    public static Builder bool(String name) {
        return of(name, AttributeType.BOOLEAN);
    }

    /** Picklist with alternating value/label pairs: {@code picklist("x", 1, "One", 2, "Two")}. */
    public static Builder picklist(String name, Object... valueLabelPairs) {
        Builder b = of(name, AttributeType.PICKLIST);
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            b.options.put((Integer) valueLabelPairs[i], (String) valueLabelPairs[i + 1]);
        }
        return b;
    }

    public static Builder dateTime(String name) {
        return of(name, AttributeType.DATETIME);
    }

    public static Builder dateOnly(String name) {
        return of(name, AttributeType.DATEONLY);
    }

    public static Builder guid(String name) {
        return of(name, AttributeType.UNIQUEIDENTIFIER);
    }

    /** A lookup with one navigation property of the same name that can point to {@code targets}. */
    public static Builder lookup(String name, String... targets) {
        return of(name, AttributeType.LOOKUP).nav(name, targets);
    }

    /** A lookup without navigation properties yet; add them with {@link Builder#nav}. */
    public static Builder lookupOnly(String name) {
        return of(name, AttributeType.LOOKUP);
    }

    /** Mutable description of an attribute; {@link EntityType.Builder} turns it into an {@link Attribute}. */
    public static final class Builder {
        private final String logicalName;
        private final AttributeType type;
        private int maxLength = Integer.MAX_VALUE;
        private BigDecimal minValue;
        private BigDecimal maxValue;
        private int precision;
        private final Map<Integer, String> options = new LinkedHashMap<>();
        private final Map<Integer, Integer> stateLinks = new LinkedHashMap<>();
        private RequiredLevel requiredLevel = RequiredLevel.NONE;
        private boolean validForCreate = true;
        private boolean validForUpdate = true;
        private boolean primaryKey;
        private final Map<String, List<String>> navigation = new LinkedHashMap<>();

        private Builder(String logicalName, AttributeType type) {
            this.logicalName = logicalName;
            this.type = type;
        }

        public String logicalName() {
            return logicalName;
        }

        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder range(BigDecimal min, BigDecimal max) {
            this.minValue = min;
            this.maxValue = max;
            return this;
        }

        public Builder precision(int precision) {
            this.precision = precision;
            return this;
        }

        public Builder required(RequiredLevel level) {
            this.requiredLevel = level;
            return this;
        }

        /** Neither valid for create nor for update (computed or system-maintained). */
        public Builder readOnly() {
            this.validForCreate = false;
            this.validForUpdate = false;
            return this;
        }

        public Builder notValidForCreate() {
            this.validForCreate = false;
            return this;
        }

        public Builder notValidForUpdate() {
            this.validForUpdate = false;
            return this;
        }

        Builder primaryKey() {
            this.primaryKey = true;
            this.validForUpdate = false;
            return this;
        }

        /** STATE option: value, label and the default status of that state. */
        public Builder state(int value, String label, int defaultStatus) {
            options.put(value, label);
            stateLinks.put(value, defaultStatus);
            return this;
        }

        /** STATUS option: value, label and the state it belongs to. */
        public Builder status(int value, String label, int state) {
            options.put(value, label);
            stateLinks.put(value, state);
            return this;
        }

        /** Adds a single-valued navigation property for this lookup (Customer lookups have one per target). */
        public Builder nav(String navigationProperty, String... targets) {
            navigation.put(navigationProperty, List.of(targets));
            return this;
        }

        Attribute build(int index) {
            return new Attribute(this, index);
        }
    }
}
