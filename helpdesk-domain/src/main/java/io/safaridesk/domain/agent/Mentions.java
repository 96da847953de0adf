package io.safaridesk.domain.agent;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How staff mention an agent in what they write: {@code @} right before the agent's email address
 * ({@code please check @ann@acme.example}). A bare address, or one inside a word, is no mention. The addresses are
 * resolved against the workspace's active agents with {@link Agents#activeWithEmails}.
 */
public final class Mentions {

    /** {@code @} and an email address, not itself part of a word or another address. */
    static final Pattern MENTION =
            Pattern.compile("(?<![\\w.@+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

    private Mentions() {}

    /** The addresses mentioned in {@code text}, lower case, in order, each once. */
    public static Set<String> emailsIn(String text) {
        Set<String> emails = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            emails.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return emails;
    }
}
