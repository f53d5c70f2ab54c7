package navsync.mapping;

/**
 * A field pair that translates through another mapping's couplings: the NAV code is the related
 * record's key, the Sales value the coupled row's id, written as {@code <navigationProperty>@odata.bind}
 * and read as {@code _<lookupAttribute>_value}.
 *
 * @param mapping         the mapping whose couplings translate (SALESPEOPLE, CURRENCY, CUSTOMER)
 * @param lookupAttribute the lookup column (ownerid, parentcustomerid); the pair's Sales side is its
 *                        navigation property (ownerid, parentcustomerid_account)
 * @param whenUncoupled   what to do when the related record is not coupled
 * @param through         a NAV table between the field's value and the related record's key, or null
 * @param option          the related mapping is an option mapping: the Sales value is the option's
 *                        value in the choice column {@code lookupAttribute}, written and read as is
 * @param blankIsBaseCurrency a blank NAV code (NAV's LCY) stands for the organization's base currency, and back
 */
public record Lookup(String mapping, String lookupAttribute, UncoupledLookup whenUncoupled, Relation through,
                     boolean option, boolean blankIsBaseCurrency) {

    /** The property that holds the related row's id (or the option value) when reading. */
    public String valueProperty() {
        return option ? lookupAttribute : "_" + lookupAttribute + "_value";
    }
}
