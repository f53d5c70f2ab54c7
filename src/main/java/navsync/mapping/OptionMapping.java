package navsync.mapping;

/**
 * What makes a mapping an option mapping (NAV's PAYMENT TERMS, SHIPMENT METHOD, SHIPPING AGENT): its
 * NAV records are paired with the options of one choice column of the Sales entity, the NAV code
 * with the option's label, instead of with rows. Field pairs of other mappings translate through
 * these pairings ({@code option: PAYMENT TERMS}).
 *
 * @param attribute  the choice column (paymenttermscode)
 * @param labelField the NAV field that a record created from an option gets the label in, or null
 */
public record OptionMapping(String attribute, String labelField) {
}
