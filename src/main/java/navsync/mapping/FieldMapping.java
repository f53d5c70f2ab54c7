package navsync.mapping;

/**
 * One NAV field paired with one Sales attribute (NAV's table 5336). Either side may be absent when
 * the other is a constant: {@code constant} is written to the Sales attribute (direction To) or to
 * the NAV field (direction From).
 *
 * @param navField       NAV field name as NAV shows it ("Phone No."), or null for a constant to Sales
 * @param navColumn      the field's SQL column name ("Phone No_"), or null
 * @param salesAttribute Sales attribute logical name (for a lookup: its navigation property), or null
 * @param direction      narrowed direction of this pair
 * @param constant       constant value, or null
 * @param lookup         translation through another mapping's couplings, or null
 * @param notNull        a blank never clears the other side (NAV's "Not Null")
 * @param code           the NAV field is a Code field: upper case, trimmed, length-checked
 * @param transformations applied in order to the pair's values (see {@link Transformation})
 * @param rounding       a NAV decimal with more places than the Sales column's precision: rounded with
 *                       a warning in the job, or the record fails
 * @param line           line of the pair in its mapping file, for messages
 * @param key            names the pair's value in compared and stored values (NAV column > Sales
 *                       property); unique within a mapping
 */
public record FieldMapping(String navField, String navColumn, String salesAttribute, Direction direction,
                           Object constant, Lookup lookup, boolean notNull, boolean code,
                           java.util.List<Transformation> transformations, Rounding rounding, int line, String key) {

    public FieldMapping(String navField, String navColumn, String salesAttribute, Direction direction, Object constant,
                        Lookup lookup, boolean notNull, boolean code, java.util.List<Transformation> transformations,
                        Rounding rounding, int line) {
        // the key is asked for per field and record in every pass: made once
        this(navField, navColumn, salesAttribute, direction, constant, lookup, notNull, code, transformations, rounding, line,
                navColumn + ">" + (lookup == null ? salesAttribute : lookup.valueProperty()));
    }

    /** NAV's value of this pair as Sales gets it: every transformation applied. */
    public com.fasterxml.jackson.databind.JsonNode transformNav(com.fasterxml.jackson.databind.JsonNode value) {
        for (Transformation t : transformations) {
            value = t.apply(value);
        }
        return value;
    }

    /** Sales' value of this pair as NAV gets it: the text transformations applied (formats are NAV -> Sales only). */
    public com.fasterxml.jackson.databind.JsonNode transformSales(com.fasterxml.jackson.databind.JsonNode value) {
        for (Transformation t : transformations) {
            if (!t.formatsNavValue()) {
                value = t.apply(value);
            }
        }
        return value;
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** A pair with a field on both sides, compared and synchronized value by value. */
    public boolean isPair() {
        return navColumn != null && salesAttribute != null && constant == null;
    }


    /** The property a Sales row carries this pair's value in: the attribute, or a lookup's {@code _x_value}. */
    public String salesReadProperty() {
        return lookup == null ? salesAttribute : lookup.valueProperty();
    }

    public String describe() {
        return (navField == null ? "constant " + constant : navField) + " <-> "
                + (salesAttribute == null ? "constant " + constant : salesAttribute);
    }
}
