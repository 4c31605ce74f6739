package cn.lantian.airquality.sta;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for STA 1.1's expression language (OData 4 subset): {@code or}, {@code and}, {@code not},
 * comparisons, {@code add sub mul div mod}, unary minus, parentheses, function calls, property paths and literals
 * (numbers, 'strings' with '' as quote, true, false, null, ISO 8601 date-times).
 */
final class FilterParser {

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private final String text;
    private int pos;

    private FilterParser(String text) {
        this.text = text;
    }

    /**
     * Parses a whole expression.
     *
     * @throws QueryException where the text is not an expression
     */
    static Expr parse(String text) {
        FilterParser p = new FilterParser(text);
        Expr e = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.substring(p.pos) + "'");
        }
        return e;
    }

    /** An {@code $orderby} item: an expression and its direction. */
    record Order(Expr expr, boolean descending) {}

    /**
     * Parses an {@code $orderby} list.
     *
     * @throws QueryException where the text is not such a list
     */
    static List<Order> orderBy(String text) {
        FilterParser p = new FilterParser(text);
        List<Order> items = new ArrayList<>();
        do {
            Expr e = p.additive();
            boolean desc = false;
            if (p.word("desc")) {
                desc = true;
            } else {
                p.word("asc");
            }
            items.add(new Order(e, desc));
        } while (p.symbol(','));
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.substring(p.pos) + "'");
        }
        return items;
    }

    private Expr or() {
        Expr left = and();
        while (word("or")) {
            left = new Expr.Binary("or", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (word("and")) {
            left = new Expr.Binary("and", left, not());
        }
        return left;
    }

    private Expr not() {
        if (word("not")) {
            return new Expr.Unary("not", not());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        for (String op : COMPARISONS) {
            if (word(op)) {
                return new Expr.Binary(op, left, additive());
            }
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            if (word("add")) {
                left = new Expr.Binary("add", left, multiplicative());
            } else if (word("sub")) {
                left = new Expr.Binary("sub", left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            if (word("mul")) {
                left = new Expr.Binary("mul", left, unary());
            } else if (word("div")) {
                left = new Expr.Binary("div", left, unary());
            } else if (word("mod")) {
                left = new Expr.Binary("mod", left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        skipSpace();
        if (pos < text.length()
                && text.charAt(pos) == '-'
                && pos + 1 < text.length()
                && !Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            return new Expr.Unary("-", unary());
        }
        return primary();
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expression ends too early");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = or();
            expect(')');
            return inner;
        }
        if (c == '\'') {
            return new Expr.Literal(string());
        }
        if (Character.isDigit(c) || c == '-') {
            return numberOrDateTime();
        }
        if (Character.isLetter(c) || c == '@' || c == '_') {
            return pathOrCall();
        }
        throw error("unexpected '" + c + "'");
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("string without closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Expr numberOrDateTime() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE-+:TZ".indexOf(text.charAt(pos)) >= 0) {
            char c = text.charAt(pos);
            // A sign belongs to an exponent or a date-time; a '-' after digits starts a date only with 4 digits before
            // it.
            if ((c == '+' || c == '-') && pos > start) {
                char before = text.charAt(pos - 1);
                boolean exponent = before == 'e' || before == 'E';
                boolean dateTime = text.substring(start, pos).length() >= 4 && isDateLike(text.substring(start, pos));
                if (!exponent && !dateTime) {
                    break;
                }
            }
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.length() > 4 && token.charAt(4) == '-' && token.indexOf('T') > 0) {
            try {
                return new Expr.Literal(OffsetDateTime.parse(token));
            } catch (DateTimeParseException e) {
                throw error("not an ISO 8601 date-time with offset: '" + token + "'");
            }
        }
        try {
            if (token.matches("-?\\d+")) {
                return new Expr.Literal(Long.parseLong(token));
            }
            return new Expr.Literal(Double.parseDouble(token));
        } catch (NumberFormatException e) {
            throw error("not a number: '" + token + "'");
        }
    }

    private static boolean isDateLike(String prefix) {
        return prefix.matches("\\d{4}.*");
    }

    private Expr pathOrCall() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            List<Expr> args = new ArrayList<>();
            skipSpace();
            if (!symbol(')')) {
                do {
                    args.add(or());
                } while (symbol(','));
                expect(')');
            }
            return new Expr.Call(name.toLowerCase(java.util.Locale.ROOT), args);
        }
        switch (name) {
            case "true":
                return new Expr.Literal(Boolean.TRUE);
            case "false":
                return new Expr.Literal(Boolean.FALSE);
            case "null":
                return new Expr.Literal(null);
            default:
                break;
        }
        List<String> segments = new ArrayList<>(List.of(name));
        while (pos < text.length() && text.charAt(pos) == '/') {
            pos++;
            int s = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (s == pos) {
                throw error("path ends with '/'");
            }
            segments.add(text.substring(s, pos));
        }
        return new Expr.Path(List.copyOf(segments));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.';
    }

    private boolean word(String w) {
        skipSpace();
        int end = pos + w.length();
        if (end <= text.length()
                && text.regionMatches(true, pos, w, 0, w.length())
                && (end == text.length() || !isNameChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean symbol(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!symbol(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private QueryException error(String reason) {
        return new QueryException(reason + " at position " + pos);
    }
}
