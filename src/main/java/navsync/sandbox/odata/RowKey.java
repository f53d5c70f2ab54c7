package navsync.sandbox.odata;

import java.util.List;
import java.util.UUID;

import navsync.sandbox.schema.AlternateKey;
import navsync.sandbox.schema.Attribute;

/** How a URL addresses one row: by primary key, or by the values of an alternate key [ALTKEY]. */
public sealed interface RowKey {
    /** The key as it appears between the parentheses of a URL. */
    String urlForm();

    record Id(UUID id) implements RowKey {
        @Override
        public String urlForm() {
            return id.toString();
        }
    }

    /** {@code values} are in the order of {@code key.attributes()}, converted to stored value types. */
    record Alternate(AlternateKey key, List<Object> values) implements RowKey {
        public Alternate {
            values = List.copyOf(values);
        }

        /** {@code accountnumber='C10000'} (strings quoted, quotes doubled), as used in OData-EntityId [UPD]. */
        @Override
        public String urlForm() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                Attribute a = key.attributes().get(i);
                Object v = values.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(a.propertyName()).append('=');
                sb.append(v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v));
            }
            return sb.toString();
        }
    }
}
