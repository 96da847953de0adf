package io.safaridesk.provisioning.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * One line of a dnsmasq configuration file, read as dnsmasq reads it: {@code option=value,value,...}. Text in double
 * quotes is taken literally (commas included), with the escapes {@code \"}, {@code \\}, {@code \t}, {@code \n}, {@code
 * \r}, {@code \e} and {@code \b}; outside quotes, commas separate values, spaces around the line and the {@code =} are
 * dropped, and a {@code #} at the start or after a space begins a comment.
 *
 * @param option the name before {@code =}, e.g. {@code txt-record}
 * @param values what follows it, split at the commas outside quotes (none for an option without {@code =})
 */
record DnsmasqLine(String option, List<String> values) {

    private static final String ESCAPED = "\"\\tnerb";

    DnsmasqLine {
        values = List.copyOf(values);
    }

    /** The line read, or nothing for a blank line or a comment. */
    static Optional<DnsmasqLine> parse(String line) {
        var text = new StringBuilder();
        var quoted = new BitSet();
        boolean afterSpace = true;
        for (int at = 0; at < line.length(); at++) {
            char c = line.charAt(at);
            if (c == '"') {
                at = appendQuoted(line, at + 1, text, quoted);
                afterSpace = false;
            } else if (Character.isWhitespace(c)) {
                text.append(' ');
                afterSpace = true;
            } else if (c == '#' && afterSpace) {
                break;
            } else {
                text.append(c);
                afterSpace = false;
            }
        }
        int start = skipSpaces(text, quoted, 0, 1);
        int end = skipSpaces(text, quoted, text.length() - 1, -1) + 1;
        if (start >= end) {
            return Optional.empty();
        }
        int equals = indexOfUnquoted(text, quoted, '=', start, end);
        if (equals < 0) {
            return Optional.of(new DnsmasqLine(text.substring(start, end), List.of()));
        }
        String option = text.substring(start, skipSpaces(text, quoted, equals - 1, -1) + 1);
        return Optional.of(new DnsmasqLine(option, split(text, quoted, skipSpaces(text, quoted, equals + 1, 1), end)));
    }

    /** Appends the quoted text from {@code from} on; returns where its closing quote is. */
    private static int appendQuoted(String line, int from, StringBuilder text, BitSet quoted) {
        for (int at = from; at < line.length(); at++) {
            char c = line.charAt(at);
            if (c == '"') {
                return at;
            }
            if (c == '\\' && at + 1 < line.length() && ESCAPED.indexOf(line.charAt(at + 1)) >= 0) {
                c = unescaped(line.charAt(++at));
            }
            quoted.set(text.length());
            text.append(c);
        }
        throw new IllegalArgumentException("missing \" in: " + line);
    }

    private static char unescaped(char escape) {
        return switch (escape) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'e' -> '\u001b';
            case 'r' -> '\r';
            case 'b' -> '\b';
            default -> escape;
        };
    }

    private static int skipSpaces(StringBuilder text, BitSet quoted, int from, int step) {
        int at = from;
        while (at >= 0 && at < text.length() && text.charAt(at) == ' ' && !quoted.get(at)) {
            at += step;
        }
        return at;
    }

    private static int indexOfUnquoted(StringBuilder text, BitSet quoted, char wanted, int from, int to) {
        for (int at = from; at < to; at++) {
            if (text.charAt(at) == wanted && !quoted.get(at)) {
                return at;
            }
        }
        return -1;
    }

    private static List<String> split(StringBuilder text, BitSet quoted, int from, int to) {
        List<String> values = new ArrayList<>();
        int start = from;
        for (int comma = indexOfUnquoted(text, quoted, ',', start, to);
                comma >= 0;
                comma = indexOfUnquoted(text, quoted, ',', start, to)) {
            values.add(text.substring(start, comma));
            start = comma + 1;
        }
        values.add(text.substring(Math.min(start, to), to));
        return values;
    }
}
