package navsync.sandbox.schema;

import java.util.List;

/** A single-valued navigation property: the lookup attribute behind it and the tables it can point to. */
public record NavigationProperty(String name, Attribute attribute, List<String> targets) {
}
