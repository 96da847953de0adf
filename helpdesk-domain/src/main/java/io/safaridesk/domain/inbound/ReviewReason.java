package io.safaridesk.domain.inbound;

/** Why a mail waits in the review queue instead of being taken in: a rule that a person may overrule. */
public enum ReviewReason {
    /** Someone who is not on the ticket answered a closed ticket. */
    NON_PARTICIPANT_ON_CLOSED_TICKET("a person who is not on the ticket answered a closed ticket"),
    /** The sender passed the workspace's limit of mails per hour. */
    FLOOD("the sender passed the workspace's limit of mails per hour"),
    /** It looks like an auto-reply (its subject), though it carries none of the headers that say so. */
    SUSPECTED_AUTO_REPLY("its subject looks like an auto-reply, but no header says it is one"),
    /** It reached the platform's catch-all naming no workspace; a platform operator released it into this one. */
    UNROUTABLE("it reached the platform's catch-all naming no workspace");

    private final String explanation;

    ReviewReason(String explanation) {
        this.explanation = explanation;
    }

    /** The reason in plain words, as the log and the review queue show it. */
    public String explanation() {
        return explanation;
    }
}
