package io.camelexo.exchangeonline.simulator.adminapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Record filters in the dialect each route takes, and only in that one: OPATH for cmdlets' -Filter
 * ({@code RecipientTypeDetails -eq 'SharedMailbox' -and Alias -like 'room*'}) and OData for entity routes' $filter
 * ({@code RecipientTypeDetails eq 'SharedMailbox' and startswith(Alias,'room')}), so that a client sending OPATH to an
 * entity route fails here as it would at the service. Supported: -eq, -ne, -like/-notlike (* wildcard), -and, -or,
 * -not (OPATH); eq, ne, startswith/endswith/contains, and, or, not (OData); parentheses. Comparisons are
 * case-insensitive on the value's wire text; a multi-valued property matches if any value does.
 */
final class RecordFilter implements Predicate<Map<String, Object>> {

    private final Predicate<Map<String, Object>> predicate;
    private final Set<String> properties;

    private RecordFilter(Predicate<Map<String, Object>> predicate, Set<String> properties) {
        this.predicate = predicate;
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
        Predicate<Map<String, Object>> predicate = parser.orExpression();
        if (parser.position < parser.tokens.size()) {
            throw new IllegalArgumentException(
                    "Unexpected '" + parser.tokens.get(parser.position) + "' in filter: " + text);
        }
        return new RecordFilter(predicate, parser.properties);
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

        Predicate<Map<String, Object>> orExpression() {
            Predicate<Map<String, Object>> left = andExpression();
            while (peekIs(operator("or"))) {
                position++;
                left = left.or(andExpression());
            }
            return left;
        }

        private Predicate<Map<String, Object>> andExpression() {
            Predicate<Map<String, Object>> left = unary();
            while (peekIs(operator("and"))) {
                position++;
                left = left.and(unary());
            }
            return left;
        }

        private Predicate<Map<String, Object>> unary() {
            if (peekIs(operator("not"))) {
                position++;
                return unary().negate();
            }
            if (peekIs("(")) {
                position++;
                Predicate<Map<String, Object>> inner = orExpression();
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
                return record -> anyValue(record, property, value -> switch (function) {
                    case "startswith" -> value.startsWith(wanted);
                    case "endswith" -> value.endsWith(wanted);
                    default -> value.contains(wanted);
                });
            }
            String property = property();
            String operator = next().toLowerCase(Locale.ROOT);
            String literal = literal();
            return switch (odata ? "odata " + operator : "opath " + operator) {
                case "odata eq", "opath -eq" -> record -> equalsLiteral(record, property, literal);
                case "odata ne", "opath -ne" -> record -> !equalsLiteral(record, property, literal);
                case "opath -like" -> like(property, literal);
                case "opath -notlike" -> like(property, literal).negate();
                default ->
                    throw new IllegalArgumentException(
                            "Unsupported filter operator '" + operator + "'; the simulator knows "
                                    + (odata
                                            ? "eq, ne, startswith, endswith, contains, and, or, not"
                                            : "-eq, -ne, -like, -notlike, -and, -or, -not"));
            };
        }

        private Predicate<Map<String, Object>> like(String property, String literal) {
            String pattern = literal == null ? "" : literal;
            Pattern regex = Pattern.compile(
                    Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"), Pattern.DOTALL);
            return record ->
                    anyValue(record, property, value -> regex.matcher(value).matches());
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
                    if (!token.matches("-?\\d+(\\.\\d+)?")) {
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
        String wanted = literal.toLowerCase(Locale.ROOT);
        return anyValue(record, property, text -> text.equals(wanted));
    }

    private static boolean anyValue(Map<String, Object> record, String property, Predicate<String> test) {
        Object value = lookup(record, property);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && test.test(comparable(item))) {
                    return true;
                }
            }
            return false;
        }
        return value != null && test.test(comparable(value));
    }

    private static String comparable(Object value) {
        return RecordJson.wireValue(value).toString().toLowerCase(Locale.ROOT);
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
