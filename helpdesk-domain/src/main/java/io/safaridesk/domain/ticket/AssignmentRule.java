package io.safaridesk.domain.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.ColumnTransformer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin's routing rule for new tickets: when all its {@link Condition}s hold (no condition: always), its
 * {@link Action}s apply. Rules run in {@code position} order; a rule with {@code stopOnMatch} ends the run when it
 * matches, one without lets later rules apply too. Conditions and actions are checked by {@link AssignmentRules}
 * before they are stored, so matching trusts them.
 */
@Entity
@Table(name = "assignment_rules")
public class AssignmentRule {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private int position;

    private boolean active;

    private boolean stopOnMatch;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String conditions;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String actions;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected AssignmentRule() {}

    /**
     * One test on a new ticket. {@code field}: channel, priority, category (an id), requester_domain, subject, body or
     * subject_or_body; {@code operator}: is / is_not for the first four, contains / not_contains for the text fields;
     * {@code value}: one value or several separated by commas, of which any one matches (none, for the negations).
     * Text and domains compare ignoring case.
     */
    public record Condition(String field, String operator, String value) {

        boolean holdsFor(Facts facts) {
            List<String> values = values(value);
            boolean any = switch (field) {
                case "channel" -> values.contains(facts.channel().name());
                case "priority" -> values.contains(facts.priority().name());
                case "category" ->
                    facts.categoryId() != null
                            && values.contains(facts.categoryId().toString());
                case "requester_domain" -> values.contains(facts.requesterDomain());
                case "subject" -> containsAny(facts.subject(), values);
                case "body" -> containsAny(facts.body(), values);
                case "subject_or_body" -> containsAny(facts.subject(), values) || containsAny(facts.body(), values);
                default -> throw new IllegalStateException("Unchecked condition field " + field);
            };
            return operator.equals("is") || operator.equals("contains") ? any : !any;
        }

        private static boolean containsAny(String text, List<String> keywords) {
            String haystack = text == null ? "" : text.toLowerCase(Locale.ROOT);
            return keywords.stream().anyMatch(k -> haystack.contains(k.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * What a matching rule does. {@code type}: set_department (an id), set_agent (an agent id; only when the ticket has
     * no assignee yet), set_priority, set_category (an id) or add_tags (comma-separated).
     */
    public record Action(String type, String value) {}

    /** What conditions look at: the ticket as it stands when the rule runs, and its requester's email domain. */
    record Facts(
            Channel channel, Priority priority, Long categoryId, String requesterDomain, String subject, String body) {

        static Facts of(Ticket ticket, String requesterEmail) {
            String email = requesterEmail == null ? "" : requesterEmail;
            return new Facts(
                    ticket.channel(),
                    ticket.priority(),
                    ticket.categoryId(),
                    email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT),
                    ticket.subject(),
                    ticket.descriptionText());
        }
    }

    /** What an admin sets on a rule (already checked); {@code version}, when given, guards updates. */
    record Definition(
            String name,
            boolean active,
            boolean stopOnMatch,
            List<Condition> conditions,
            List<Action> actions,
            Integer version) {}

    static AssignmentRule create(Definition definition, int position, Instant now) {
        AssignmentRule rule = new AssignmentRule();
        rule.position = position;
        rule.createdAt = now;
        rule.define(definition, now);
        return rule;
    }

    void define(Definition definition, Instant now) {
        this.name = definition.name();
        this.active = definition.active();
        this.stopOnMatch = definition.stopOnMatch();
        this.conditions = JSON.writeValueAsString(definition.conditions());
        this.actions = JSON.writeValueAsString(definition.actions());
        this.updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        if (this.position != position) {
            this.position = position;
            this.updatedAt = now;
        }
    }

    /** Whether every condition holds for the ticket. */
    boolean matches(Facts facts) {
        return conditions().stream().allMatch(condition -> condition.holdsFor(facts));
    }

    /** The values of a condition or action: comma-separated, trimmed, blanks dropped, enum names upper case. */
    static List<String> values(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }

    public boolean active() {
        return active;
    }

    public boolean stopOnMatch() {
        return stopOnMatch;
    }

    public List<Condition> conditions() {
        return JSON.readValue(conditions, new TypeReference<List<Condition>>() {});
    }

    public List<Action> actions() {
        return JSON.readValue(actions, new TypeReference<List<Action>>() {});
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
