package io.camelexo.exchangeonline.adminapi;

import io.camelexo.exchangeonline.error.ExoFilterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Get-EXO* {@code Filter} written as in PowerShell (OPATH: {@code RecipientTypeDetails -eq 'SharedMailbox'
 * -and DisplayName -like 'Sales*'}) into the OData {@code $filter} the entity routes take
 * ({@code RecipientTypeDetails eq 'SharedMailbox' and startswith(DisplayName,'Sales')}).
 *
 * <p>A filter is OPATH when, outside quoted values, it has a PowerShell operator ({@code -eq}, {@code -like},
 * {@code -and}, ...) or is wrapped in braces; anything else is taken as OData and sent unchanged. The subset is the
 * one Microsoft documents for the Get-EXO* cmdlets ("Filters in the Exchange Online PowerShell module"): -and, -or,
 * -not, -eq, -ne, -lt, -gt, -like and -notlike with {@code *} only at the start and/or end of the pattern; -le and -ge
 * translate as well, and so do the i forms (-ieq, -ilike, ...), which mean the same. Whatever else is rejected here, before any request, naming the part and its position.
 * See docs/admin-api.md, "Get-EXO* entity routes".
 */
final class OpathFilterTranslator {

    private static final Map<String, String> COMPARISONS =
            Map.of("-eq", "eq", "-ne", "ne", "-lt", "lt", "-gt", "gt", "-le", "le", "-ge", "ge");
    private static final String TRANSLATED_COMPARISONS = "-eq, -ne, -lt, -gt, -le, -ge, -like, -notlike";
    private static final String SUPPORTED = TRANSLATED_COMPARISONS + ", -and, -or, -not";

    /** PowerShell's comparison operators; each also exists with a c (case-sensitive) or i (case-insensitive) prefix. */
    private static final Set<String> POWERSHELL_COMPARISONS = Set.of(
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "like",
            "notlike",
            "match",
            "notmatch",
            "contains",
            "notcontains",
            "in",
            "notin",
            "replace");

    private static final Set<String> POWERSHELL_OTHER_OPERATORS = Set.of(
            "and", "or", "not", "xor", "is", "isnot", "as", "band", "bor", "bxor", "bnot", "shl", "shr", "split",
            "join", "f");

    // typographic quotes, which pasting from documents brings along, delimit values as in PowerShell
    private static final String SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";
    private static final String DOUBLE_QUOTES = "\"\u201C\u201D\u201E";

    private OpathFilterTranslator() {}

    /** The OData form of an OPATH filter; an OData filter unchanged. */
    static String toODataFilter(String filter) {
        return isOpath(filter) ? new Parser(filter).translate() : filter;
    }

    static boolean isOpath(String filter) {
        String text = filter.strip();
        if (text.startsWith("{")) {
            return true;
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                int end = stringEnd(text, i, new StringBuilder());
                i = end < 0 ? text.length() : end;
            } else if (c == '-' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int end = wordEnd(text, i + 1);
                if (isPowerShellOperator(text.substring(i + 1, end))) {
                    return true;
                }
                i = Math.max(end, i + 1);
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean isPowerShellOperator(String name) {
        String word = name.toLowerCase(Locale.ROOT);
        if (POWERSHELL_COMPARISONS.contains(word) || POWERSHELL_OTHER_OPERATORS.contains(word)) {
            return true;
        }
        return (word.startsWith("c") || word.startsWith("i")) && POWERSHELL_COMPARISONS.contains(word.substring(1));
    }

    private static boolean isQuote(char c) {
        return SINGLE_QUOTES.indexOf(c) >= 0 || DOUBLE_QUOTES.indexOf(c) >= 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Reads the quoted value that starts at {@code start} into {@code value} (a doubled quote is one quote, as in
     * PowerShell); returns the index after the closing quote, or -1 if the value is not closed. A value opened with a
     * plain quote ends only at the same plain quote, so that 'Anna’s room' keeps its typographic apostrophe.
     */
    private static int stringEnd(String text, int start, StringBuilder value) {
        char open = text.charAt(start);
        String quotes = open == '\'' || open == '"'
                ? String.valueOf(open)
                : SINGLE_QUOTES.indexOf(open) >= 0 ? SINGLE_QUOTES : DOUBLE_QUOTES;
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quotes.indexOf(c) < 0) {
                value.append(c);
                i++;
            } else if (i + 1 < text.length() && quotes.indexOf(text.charAt(i + 1)) >= 0) {
                value.append(c);
                i += 2;
            } else {
                return i + 1;
            }
        }
        return -1;
    }

    private enum Kind {
        WORD,
        OPERATOR,
        STRING,
        NUMBER,
        VARIABLE,
        OPEN,
        CLOSE,
        OPEN_BRACE,
        CLOSE_BRACE,
        END
    }

    /** A token as written ({@code text}, at 0-based {@code offset}) and, for quoted values, the value inside the quotes. */
    private record Token(Kind kind, String text, String value, int offset) {}

    /** OData text, and whether {@code not} can precede it without parentheses (a group or a function call). */
    private record Translated(String odata, boolean primary) {}

    private static final class Parser {
        private final String filter;
        private final List<Token> tokens;
        private int position;

        Parser(String filter) {
            this.filter = filter;
            this.tokens = tokens();
        }

        String translate() {
            int last = tokens.size() - 2; // before END
            if (tokens.get(0).kind() == Kind.OPEN_BRACE
                    && last > 0
                    && tokens.get(last).kind() == Kind.CLOSE_BRACE) {
                tokens.remove(last);
                tokens.remove(0);
            }
            String odata = expression().odata();
            Token rest = peek();
            if (rest.kind() == Kind.CLOSE) {
                throw error(rest, "there is no '(' for this ')'");
            } else if (rest.kind() == Kind.OPERATOR
                    && !COMPARISONS.containsKey(operatorName(rest))
                    && !isOperator(rest, "-like", "-notlike", "-not")) {
                throw error(rest, rest.text() + " has no OData translation; Get-EXO* filters take " + SUPPORTED);
            } else if (rest.kind() != Kind.END) {
                throw error(rest, "a condition ends before it, so -and or -or was expected");
            }
            return odata;
        }

        /** Conditions joined by one kind of -and/-or. */
        private Translated expression() {
            Translated first = unary();
            StringBuilder odata = new StringBuilder(first.odata());
            String joiner = null;
            while (isOperator(peek(), "-and", "-or")) {
                Token operator = next();
                String name = operator.text().toLowerCase(Locale.ROOT);
                if (joiner != null && !joiner.equals(name)) {
                    throw error(
                            operator,
                            "it follows " + joiner
                                    + " without parentheses; PowerShell reads -and and -or from left to right, "
                                    + "OData reads 'and' first, so put parentheses around the conditions that belong together");
                }
                joiner = name;
                odata.append(' ').append(name.substring(1)).append(' ').append(unary().odata());
            }
            return joiner == null ? first : new Translated(odata.toString(), false);
        }

        private Translated unary() {
            Token token = peek();
            if (isOperator(token, "-not")) {
                next();
                Translated operand = unary();
                return new Translated(
                        "not " + (operand.primary() ? operand.odata() : "(" + operand.odata() + ")"), false);
            }
            if (token.kind() == Kind.OPEN) {
                next();
                Translated inner = expression();
                Token close = next();
                if (close.kind() != Kind.CLOSE) {
                    throw error(close, "')' was expected to close the '(' at position " + (token.offset() + 1));
                }
                return new Translated("(" + inner.odata() + ")", true);
            }
            return comparison();
        }

        private Translated comparison() {
            Token property = next();
            if (property.kind() != Kind.WORD) {
                throw error(property, "a property name was expected (conditions read Property -Operator Value)");
            }
            Token operator = next();
            String name = operatorName(operator);
            boolean like = name.equals("-like") || name.equals("-notlike");
            if (operator.kind() != Kind.OPERATOR || !(like || COMPARISONS.containsKey(name))) {
                throw error(
                        operator,
                        operator.kind() == Kind.OPERATOR
                                ? operator.text() + " has no OData translation; Get-EXO* filters take " + SUPPORTED
                                : "a comparison operator (" + TRANSLATED_COMPARISONS + ") was expected");
            }
            Token value = next();
            if (like) {
                return like(property.text(), name.equals("-notlike"), value);
            }
            return new Translated(property.text() + " " + COMPARISONS.get(name) + " " + literal(value), false);
        }

        /** -like/-notlike: * at the start, the end or both become endswith, startswith, contains. */
        private Translated like(String property, boolean negated, Token pattern) {
            if (pattern.kind() != Kind.STRING) {
                throw error(pattern, "-like and -notlike need a quoted pattern");
            }
            String text = pattern.value();
            int start = 0;
            int end = text.length();
            while (start < end && text.charAt(start) == '*') {
                start++;
            }
            while (end > start && text.charAt(end - 1) == '*') {
                end--;
            }
            String core = text.substring(start, end);
            if (core.indexOf('*') >= 0) {
                throw error(
                        pattern,
                        "a * wildcard translates only at the start and/or the end of the pattern "
                                + "(split 'A*B' into Property -like 'A*' -and Property -like '*B')");
            }
            boolean leading = start > 0;
            boolean trailing = end < text.length();
            if (core.isEmpty() && (leading || trailing)) {
                return new Translated(property + (negated ? " eq null" : " ne null"), false);
            }
            if (!leading && !trailing) {
                return new Translated(property + (negated ? " ne " : " eq ") + quoted(core), false);
            }
            String function = leading && trailing ? "contains" : leading ? "endswith" : "startswith";
            String call = function + "(" + property + "," + quoted(core) + ")";
            return negated ? new Translated("not " + call, false) : new Translated(call, true);
        }

        private String literal(Token value) {
            switch (value.kind()) {
                case STRING:
                    return quoted(value.value());
                case NUMBER:
                    return value.text();
                case VARIABLE:
                    String name = value.text().replace("`", "").toLowerCase(Locale.ROOT);
                    if (name.equals("$true") || name.equals("$false") || name.equals("$null")) {
                        return name.substring(1);
                    }
                    throw error(
                            value,
                            "PowerShell variables are not expanded here; write the value itself ($true, $false and $null are known)");
                case WORD:
                    throw error(
                            value, "a value must be quoted ('" + value.text() + "'), a number, $true, $false or $null");
                default:
                    throw error(value, "a value was expected: a quoted text, a number, $true, $false or $null");
            }
        }

        private static String quoted(String value) {
            return "'" + value.replace("'", "''") + "'";
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token next() {
            Token token = tokens.get(position);
            if (token.kind() != Kind.END) {
                position++;
            }
            return token;
        }

        /**
         * An operator's name in lower case; the i (case-insensitive) forms of the translated comparisons are the plain
         * ones, since PowerShell compares case-insensitively by default: -ieq is -eq, -inotlike is -notlike.
         */
        private static String operatorName(Token token) {
            String name = token.text().toLowerCase(Locale.ROOT);
            String plain = name.startsWith("-i") ? "-" + name.substring(2) : name;
            return COMPARISONS.containsKey(plain) || plain.equals("-like") || plain.equals("-notlike") ? plain : name;
        }

        private static boolean isOperator(Token token, String... names) {
            if (token.kind() == Kind.OPERATOR) {
                for (String name : names) {
                    if (operatorName(token).equals(name)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private ExoFilterException error(Token token, String reason) {
            String where = token.kind() == Kind.END
                    ? "the filter ends too early (" + reason + ")"
                    : (token.kind() == Kind.STRING ? token.text() : "'" + token.text() + "'") + " at position "
                            + (token.offset() + 1) + ": " + reason;
            return new ExoFilterException(
                    "The Get-EXO* Filter cannot be translated from OPATH to OData, " + where + ". Filter: " + filter,
                    token.offset() + 1,
                    token.text());
        }

        private List<Token> tokens() {
            List<Token> found = new ArrayList<>();
            String text = filter;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (isQuote(c)) {
                    StringBuilder value = new StringBuilder();
                    i = stringEnd(text, start, value);
                    if (i < 0) {
                        throw error(
                                new Token(Kind.STRING, text.substring(start), null, start),
                                "the quoted value is not closed");
                    }
                    found.add(new Token(Kind.STRING, text.substring(start, i), value.toString(), start));
                    continue;
                }
                Kind kind;
                if (c == '(' || c == ')' || c == '{' || c == '}') {
                    kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == '{' ? Kind.OPEN_BRACE : Kind.CLOSE_BRACE;
                    i++;
                } else if (c == '-' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                    kind = Kind.OPERATOR;
                    i = wordEnd(text, i + 1);
                } else if (Character.isDigit(c)
                        || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    kind = Kind.NUMBER;
                    i = wordEnd(text, i + 1);
                    if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
                        i = wordEnd(text, i + 1);
                    }
                    if (!text.substring(start, i).matches("-?\\d+(\\.\\d+)?")) {
                        throw error(
                                new Token(kind, text.substring(start, i), null, start),
                                "only plain decimal numbers translate (no size suffixes such as MB, no hexadecimal)");
                    }
                } else if (c == '$' || (c == '`' && i + 1 < text.length() && text.charAt(i + 1) == '$')) {
                    // `$true is how a script escapes $ inside a double-quoted filter; pasted as it stands, it means
                    // $true
                    kind = Kind.VARIABLE;
                    i = wordEnd(text, text.indexOf('$', i) + 1);
                } else if (Character.isLetter(c) || c == '_') {
                    kind = Kind.WORD;
                    i = wordEnd(text, i);
                } else {
                    throw error(
                            new Token(Kind.WORD, String.valueOf(c), null, start),
                            "this character is not part of the OPATH that translates (" + SUPPORTED
                                    + ", parentheses, quoted values, numbers, $true, $false, $null)");
                }
                found.add(new Token(kind, text.substring(start, i), null, start));
            }
            found.add(new Token(Kind.END, "", null, text.length()));
            return found;
        }
    }
}
