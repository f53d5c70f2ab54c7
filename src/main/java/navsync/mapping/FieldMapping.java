package navsync.mapping;

/**
 * One NAV field paired with one Sales attribute. Either side may be absent when the other is a
 * constant: {@code constant} is written to the Sales attribute (direction To) or to the NAV field
 * (direction From).
 *
 * @param navField     NAV field name as NAV shows it ("Phone No."), or null for a constant to Sales
 * @param navColumn    the field's SQL column name ("Phone No_"), or null
 * @param salesAttribute Sales attribute logical name, or null for a constant to NAV
 * @param direction    narrowed direction of this pair
 * @param constant     constant value, or null
 * @param line         line of the pair in its mapping file, for messages
 */
public record FieldMapping(String navField, String navColumn, String salesAttribute, Direction direction,
                           Object constant, int line) {

    public boolean isConstant() {
        return constant != null;
    }

    public String describe() {
        return (navField == null ? "constant " + constant : navField) + " -> "
                + (salesAttribute == null ? "constant " + constant : salesAttribute);
    }
}
