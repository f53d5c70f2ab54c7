package navsync.sandbox.odata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.SystemColumns;

/**
 * The columns to return ({@code $select}). The primary key is always returned; selecting a money column also
 * returns {@code _transactioncurrencyid_value} [QDATA]; selecting an address1 part returns
 * {@code address1_composite} [RETR]. Without $select all columns come back [Q-OVR].
 *
 * @param columns columns in output order
 * @param contextSelect the select list for {@code @odata.context} ({@code accounts(name,revenue)}), null for all
 */
public record Selection(List<Attribute> columns, String contextSelect) {

    public static Selection all(EntityType type) {
        return new Selection(type.attributes(), null);
    }

    public static Selection parse(EntityType type, String select) {
        if (select == null || select.isBlank() || select.strip().equals("*")) {
            return all(type);
        }
        Set<Attribute> chosen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String raw : select.split(",")) {
            String name = raw.strip();
            Attribute a = type.property(name);
            if (a == null) {
                throw unknownProperty(type, name);
            }
            names.add(name);
            chosen.add(a);
        }
        List<Attribute> extra = new ArrayList<>();
        for (Attribute a : chosen) {
            if (a.type() == AttributeType.MONEY) {
                addIfPresent(type, SystemColumns.TRANSACTION_CURRENCY_ID, extra);
            }
            if (a.logicalName().startsWith("address1_") && !a.logicalName().equals("address1_composite")) {
                addIfPresent(type, "address1_composite", extra);
            }
        }
        chosen.addAll(extra);
        chosen.add(type.primaryKey());
        chosen.add(type.odataKey());
        return new Selection(List.copyOf(chosen), String.join(",", names));
    }

    private static void addIfPresent(EntityType type, String name, List<Attribute> extra) {
        Attribute a = type.attribute(name);
        if (a != null) {
            extra.add(a);
        }
    }

    public static DataverseException unknownProperty(EntityType type, String name) {
        return DataverseException.query("Could not find a property named '" + name + "' on type '" + type.odataType()
                + "'.");
    }
}
