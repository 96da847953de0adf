package io.safaridesk.provisioning.domain;

import java.time.Duration;
import java.util.Locale;

/** Wording shared by the reasons a check gives: what was found, and how long was waited. */
final class Reasons {

    private static final int MAX_QUOTED_LENGTH = 80;

    private Reasons() {}

    /** Published text as a reason may show it: quoted, control characters masked, at most 80 characters. */
    static String quoted(String published) {
        String printable = published
                .codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return '"'
                + (printable.length() > MAX_QUOTED_LENGTH
                        ? printable.substring(0, MAX_QUOTED_LENGTH) + "..."
                        : printable)
                + '"';
    }

    /** {@code 3 s}, {@code 0.3 s}. */
    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
