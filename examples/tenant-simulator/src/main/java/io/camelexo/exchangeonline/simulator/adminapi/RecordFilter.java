package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.Collation;
import io.camelexo.exchangeonline.simulator.tenant.NameRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Record filters in the dialect each route takes, and only in that one: OPATH for cmdlets' -Filter
 * ({@code RecipientTypeDetails -eq 'SharedMailbox' -and Alias -like 'room*'}) and OData for entity routes' $filter
 * ({@code RecipientTypeDetails eq 'SharedMailbox' and startswith(Alias,'room')}), so that a client sending OPATH to an
 * entity route fails here as it would at the service. Supported: -eq, -ne, -lt, -le, -gt, -ge, -like/-notlike
 * (* wildcard), -and, -or, -not (OPATH); eq, ne, lt, le, gt, ge, startswith/endswith/contains, and, or, not (OData);
 * parentheses. Equality and order are case-insensitive on the value's wire text in the {@link Collation} (numbers
 * compare as numbers); -like and the OData functions compare lower-cased text. A multi-valued property matches if any
 * value does.
 */
final class RecordFilter implements Predicate<Map<String, Object>> {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** A parsed part of the filter: its test, and the Name keys it lets through. */
    private record Clause(Predicate<Map<String, Object>> test, NameRange nameRange) {}

    private final Predicate<Map<String, Object>> predicate;
    private final Set<String> properties;
    private final NameRange nameRange;

    private RecordFilter(Clause clause, Set<String> properties) {
        this.predicate = clause.test();
        this.nameRange = clause.nameRange();
        this.properties = properties;
    }

    /** A cmdlet's OPATH -Filter. @throws IllegalArgumentException with a message for the caller if the text is not one this class understands */
    static RecordFilter parse(String text) {
        return parse(text, false);
    }

    /** An entity route's OData $filter. @throws IllegalArgumentException as {@link #parse(String)} */
    static RecordFilter parseOData(String text) {
        return parse(text, true);
    }

    private static RecordFilter parse(String text, boolean odata) {
        Parser parser = new Parser(tokens(text), odata);
        Clause clause = parser.orExpression();
        if (parser.position < parser.tokens.size()) {
            throw new IllegalArgumentException(
                    "Unexpected '" + parser.tokens.get(parser.position) + "' in filter: " + text);
        }
        return new RecordFilter(clause, parser.properties);
    }

    /** The Names that can pass ({@link NameRange#ANY} unless the filter bounds Name). */
    NameRange nameRange() {
        return nameRange;
    }

    /** Property names the filter reads. */
    Set<String> properties() {
        return properties;
    }

    @Override
    public boolean test(Map<String, Object> record) {
        return predicate.test(record);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'' || c == '"') {
                StringBuilder literal = new StringBuilder().append('\'');
                int j = i + 1;
                while (true) {
                    if (j >= text.length()) {
                        throw new IllegalArgumentException("Unterminated string in filter: " + text);
                    }
                    char d = text.charAt(j);
                    if (d == c && j + 1 < text.length() && text.charAt(j + 1) == c) {
                        literal.append(c);
                        j += 2;
                    } else if (d == c) {
                        j++;
                        break;
                    } else {
                        literal.append(d);
                        j++;
                    }
                }
                tokens.add(literal.toString());
                i = j;
            } else {
                int j = i;
                while (j < text.length()
                        && !Character.isWhitespace(text.charAt(j))
                        && "(),'\"".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }

    /** Recursive descent over the tokens; string literals keep a leading quote to tell them from words. */
    private static final class Parser {
        private final List<String> tokens;
        private final boolean odata;
        private final Set<String> properties = new HashSet<>();
        private int position;

        Parser(List<String> tokens, boolean odata) {
            this.tokens = tokens;
            this.odata = odata;
        }

        /** The dialect's spelling of an operator: OData's {@code and}, OPATH's {@code -and}. */
        private String operator(String odataName) {
            return odata ? odataName : "-" + odataName;
        }

        Clause orExpression() {
            Clause left = andExpression();
            while (peekIs(operator("or"))) {
                position++;
                Clause right = andExpression();
                left = new Clause(left.test().or(right.test()), left.nameRange().or(right.nameRange()));
            }
            return left;
        }

        private Clause andExpression() {
            Clause left = unary();
            while (peekIs(operator("and"))) {
                position++;
                Clause right = unary();
                left = new Clause(
                        left.test().and(right.test()), left.nameRange().and(right.nameRange()));
            }
            return left;
        }

        private Clause unary() {
            if (peekIs(operator("not"))) {
                position++;
                return new Clause(unary().test().negate(), NameRange.ANY);
            }
            if (peekIs("(")) {
                position++;
                Clause inner = orExpression();
                expect(")");
                return inner;
            }
            if (odata
                    && peekIs("startswith", "endswith", "contains")
                    && position + 1 < tokens.size()
                    && tokens.get(position + 1).equals("(")) {
                String function = next().toLowerCase(Locale.ROOT);
                expect("(");
                String property = property();
                expect(",");
                String literal = literal();
                expect(")");
                String wanted = literal == null ? "" : literal.toLowerCase(Locale.ROOT);
                return new Clause(
                        record -> anyValue(record, property, value -> {
                            String text = value.toLowerCase(Locale.ROOT);
                            return switch (function) {
                                case "startswith" -> text.startsWith(wanted);
                                case "endswith" -> text.endsWith(wanted);
                                default -> text.contains(wanted);
                            };
                        }),
                        NameRange.ANY);
            }
            String property = property();
            String operator = next().toLowerCase(Locale.ROOT);
            String literal = literal();
            String comparison = odata ? operator : operator.substring(operator.startsWith("-") ? 1 : 0);
            boolean known = odata != operator.startsWith("-");
            Predicate<Map<String, Object>> test = known
                    ? switch (comparison) {
                        case "eq" -> record -> equalsLiteral(record, property, literal);
                        case "ne" -> record -> !equalsLiteral(record, property, literal);
                        case "lt" -> ordered(property, literal, order -> order < 0);
                        case "le" -> ordered(property, literal, order -> order <= 0);
                        case "gt" -> ordered(property, literal, order -> order > 0);
                        case "ge" -> ordered(property, literal, order -> order >= 0);
                        case "like" -> odata ? null : like(property, literal);
                        case "notlike" -> odata ? null : like(property, literal).negate();
                        default -> null;
                    }
                    : null;
            if (test == null) {
                throw new IllegalArgumentException(
                        "Unsupported filter operator '" + operator + "'; the simulator knows "
                                + (odata
                                        ? "eq, ne, lt, le, gt, ge, startswith, endswith, contains, and, or, not"
                                        : "-eq, -ne, -lt, -le, -gt, -ge, -like, -notlike, -and, -or, -not"));
            }
            return new Clause(test, property.equalsIgnoreCase("Name") ? nameRange(comparison, literal) : NameRange.ANY);
        }

        /** The Names a comparison with the literal lets through; a null literal (no Name) bounds nothing. */
        private static NameRange nameRange(String comparison, String literal) {
            return literal == null ? NameRange.ANY : NameRange.of(comparison, literal);
        }

        private Predicate<Map<String, Object>> like(String property, String literal) {
            String pattern = literal == null ? "" : literal;
            Pattern regex = Pattern.compile(
                    Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"), Pattern.DOTALL);
            return record -> anyValue(
                    record,
                    property,
                    value -> regex.matcher(value.toLowerCase(Locale.ROOT)).matches());
        }

        /**
         * Order against the literal: numbers as numbers when the property is numeric, everything else (names, dates in
         * their ISO wire text) in the Collation. Null never matches.
         */
        private static Predicate<Map<String, Object>> ordered(String property, String literal, IntPredicate wanted) {
            if (literal == null) {
                return record -> false;
            }
            BigDecimal number = number(literal);
            return record -> anyItem(
                    record,
                    property,
                    item -> wanted.test(
                            item instanceof Number && number != null
                                    ? new BigDecimal(item.toString()).compareTo(number)
                                    : Collation.compare(wireText(item), literal)));
        }

        private String property() {
            String name = next();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Expected a property name in the filter, found '" + name + "'");
            }
            properties.add(name);
            return name;
        }

        /** The literal's text, or null for null/$null ($null, $true, $false only in OPATH). Booleans become "true"/"false". */
        private String literal() {
            String token = next();
            if (token.startsWith("'")) {
                return token.substring(1);
            }
            if (odata && token.startsWith("$")) {
                throw new IllegalArgumentException("'" + token + "' is PowerShell; OData writes null, true and false");
            }
            String lower = token.toLowerCase(Locale.ROOT);
            return switch (lower) {
                case "null", "$null" -> null;
                case "true", "$true" -> "true";
                case "false", "$false" -> "false";
                default -> {
                    if (number(token) == null) {
                        throw new IllegalArgumentException(
                                "Expected a quoted value, a number, true, false or null in the filter, found '" + token
                                        + "'");
                    }
                    yield token;
                }
            };
        }

        private boolean peekIs(String... words) {
            if (position >= tokens.size()) {
                return false;
            }
            for (String word : words) {
                if (tokens.get(position).equalsIgnoreCase(word)) {
                    return true;
                }
            }
            return false;
        }

        private String next() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("The filter ends too early");
            }
            return tokens.get(position++);
        }

        private void expect(String token) {
            String found = next();
            if (!found.equals(token)) {
                throw new IllegalArgumentException("Expected '" + token + "' in the filter, found '" + found + "'");
            }
        }
    }

    private static boolean equalsLiteral(Map<String, Object> record, String property, String literal) {
        Object value = lookup(record, property);
        if (literal == null) {
            return value == null || (value instanceof List<?> list && list.isEmpty());
        }
        return anyValue(record, property, text -> Collation.compare(text, literal) == 0);
    }

    /** Tests the wire text of the value, or of each value of a multi-valued property (nulls never match). */
    private static boolean anyValue(Map<String, Object> record, String property, Predicate<String> test) {
        return anyItem(record, property, item -> test.test(wireText(item)));
    }

    private static boolean anyItem(Map<String, Object> record, String property, Predicate<Object> test) {
        Object value = lookup(record, property);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && test.test(item)) {
                    return true;
                }
            }
            return false;
        }
        return value != null && test.test(value);
    }

    private static String wireText(Object value) {
        return RecordJson.wireValue(value).toString();
    }

    private static BigDecimal number(String text) {
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    private static Object lookup(Map<String, Object> record, String property) {
        Object value = record.get(property);
        if (value != null || record.containsKey(property)) {
            return value;
        }
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(property)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
