package navsync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A transformation of a field pair's value (NAV's transformation rules), applied in the order given
 * to the values being compared and written: text rules to both sides' values, formats to NAV's
 * value on its way to Sales only. Null stays null.
 */
public sealed interface Transformation {

    JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    JsonNode apply(JsonNode value);

    /** Formats a NAV date or number as Sales text: one way only (NAV -> Sales). */
    default boolean formatsNavValue() {
        return false;
    }

    /** Leading and trailing white space removed. */
    record Trim() implements Transformation {
        public JsonNode apply(JsonNode value) {
            return text(value, String::strip);
        }
    }

    record Upper() implements Transformation {
        public JsonNode apply(JsonNode value) {
            return text(value, s -> s.toUpperCase(Locale.ROOT));
        }
    }

    record Lower() implements Transformation {
        public JsonNode apply(JsonNode value) {
            return text(value, s -> s.toLowerCase(Locale.ROOT));
        }
    }

    /** Cut to at most {@code length} characters. */
    record MaxLength(int length) implements Transformation {
        public JsonNode apply(JsonNode value) {
            return text(value, s -> s.length() <= length ? s : s.substring(0, length));
        }
    }

    /** Every occurrence of {@code from} replaced by {@code to} (literally). */
    record Replace(String from, String to) implements Transformation {
        public JsonNode apply(JsonNode value) {
            return text(value, s -> s.replace(from, to));
        }
    }

    /** Every match of {@code pattern} replaced by {@code replacement} ($1 for groups). */
    record Regex(Pattern pattern, String replacement) implements Transformation {
        public JsonNode apply(JsonNode value) {
            return text(value, s -> pattern.matcher(s).replaceAll(replacement));
        }
    }

    /** A NAV date or date-time as text in {@code pattern} (java.time syntax, e.g. dd.MM.yyyy). */
    record DateFormat(String pattern, DateTimeFormatter formatter) implements Transformation {
        public DateFormat(String pattern) {
            this(pattern, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        }

        public JsonNode apply(JsonNode value) {
            if (value == null || !value.isTextual()) {
                return value;
            }
            String text = value.asText();
            try {
                return NODES.textNode(text.length() == 10 ? formatter.format(LocalDate.parse(text))
                        : formatter.format(OffsetDateTime.parse(text)));
            } catch (DateTimeParseException e) {
                return value; // already formatted (a value read back from Sales)
            }
        }

        @Override
        public boolean formatsNavValue() {
            return true;
        }
    }

    /** A NAV number as text in {@code pattern} (java.text.DecimalFormat syntax, e.g. #,##0.00; '.' decimals). */
    record NumberFormat(String pattern) implements Transformation {
        public JsonNode apply(JsonNode value) {
            if (value == null || !value.isNumber()) {
                return value;
            }
            DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
            return NODES.textNode(format.format(new BigDecimal(value.asText())));
        }

        @Override
        public boolean formatsNavValue() {
            return true;
        }
    }

    private static JsonNode text(JsonNode value, java.util.function.UnaryOperator<String> f) {
        return value != null && value.isTextual() ? NODES.textNode(f.apply(value.asText())) : value;
    }
}
