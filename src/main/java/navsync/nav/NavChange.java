package navsync.nav;

import java.util.Map;

/** A write to one NAV record: values by SQL column. */
public sealed interface NavChange permits NavChange.Insert, NavChange.Update, NavChange.Delete {

    String key();

    /** A new record; columns not given get the mapping's defaults, then NAV's blanks. */
    record Insert(String key, Map<String, Object> values) implements NavChange {
    }

    record Update(String key, Map<String, Object> values) implements NavChange {
    }

    record Delete(String key) implements NavChange {
    }
}
