package io.safaridesk.platform.web;

/**
 * Text that PostgreSQL can store: no NUL character (a {@code text} value cannot hold one; {@code jsonb} refuses its
 * escape) and no unpaired UTF-16 surrogate (it has no UTF-8 encoding). Every string that enters through the API is
 * held to this at the edge, so that no such character reaches the database as a 500.
 */
public final class StorableText {

    /** The reason given for a refused value, after the field's name. */
    public static final String REASON = "contains a character that cannot be stored (NUL or an unpaired surrogate)";

    private StorableText() {}

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a header value holds a control character (HTTP allows horizontal tab alone). */
    static boolean isCleanHeader(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return isStorable(value);
    }
}
