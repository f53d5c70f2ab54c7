package navsync.sandbox.odata;

import navsync.sandbox.schema.Attribute;

/**
 * One {@code $orderby} item. For a lookup column the key is the related row's primary name ("lookups by the
 * related primary name" [Q-ORDER]), so {@code lookup} is set.
 */
public record SortKey(Attribute attribute, boolean descending, boolean lookup) {
    String describe() {
        return attribute.propertyName() + (descending ? " desc" : " asc");
    }
}
