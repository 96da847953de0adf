package io.safaridesk.domain.mail;

import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.settings.WorkspaceSettings;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.events.EventTopology;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import io.safaridesk.platform.template.Placeholder;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail texts of the workspace in context: its own text of a mail in a language where an admin wrote one, else the
 * shipped default. Admins read, replace, reset, preview and test-send them.
 */
@Component
@Transactional
public class WorkspaceMailTemplates {

    private final MailTemplateTextRepository repository;
    private final MailTemplates templates;
    private final Settings settings;
    private final DomainEvents events;
    private final Agents agents;
    private final Clock clock;

    WorkspaceMailTemplates(
            MailTemplateTextRepository repository,
            MailTemplates templates,
            Settings settings,
            DomainEvents events,
            Agents agents,
            Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
        this.events = events;
        this.agents = agents;
        this.clock = clock;
    }

    /** One mail's text in one language: the workspace's own ({@code custom}) or the shipped default. */
    public record Text(
            MailTemplate template,
            String language,
            MailTemplates.Content content,
            boolean custom,
            Instant updatedAt,
            int version) {}

    /** An editable mail with the languages the workspace has its own text in. */
    public record Summary(MailTemplate template, List<String> customLanguages) {}

    /** A test mail asked for by an admin ({@code mail.test-requested}); version 1. */
    public record TestMailRequested(
            String template, String language, String recipient, String subject, String html, String text) {}

    @Transactional(readOnly = true)
    public List<Summary> list() {
        List<MailTemplateText> own = repository.findAllByOrderByTemplateAscLanguageAsc();
        return Arrays.stream(MailTemplate.values())
                .filter(MailTemplate::editable)
                .map(template -> new Summary(
                        template,
                        own.stream()
                                .filter(text -> text.template().equals(template.file()))
                                .map(MailTemplateText::language)
                                .toList()))
                .toList();
    }

    /** The text an admin edits: the workspace's own in exactly this language, else the shipped one for it. */
    @Transactional(readOnly = true)
    public Text get(MailTemplate template, LanguageTag language) {
        return repository
                .findById(new MailTemplateText.Key(template, language.value()))
                .map(own -> new Text(template, language.value(), own.content(), true, own.updatedAt(), own.version()))
                .orElseGet(() -> new Text(
                        template, language.value(), templates.shipped(template, language.value()), false, null, 0));
    }

    /**
     * The text a mail to someone reading {@code language} is written from: for the language, then its primary
     * language, then English, the workspace's own text or else a shipped translation into exactly that language.
     */
    @Transactional(readOnly = true)
    public MailTemplates.Content effective(MailTemplate template, String language) {
        for (String candidate : MailTemplates.candidates(language)) {
            Optional<MailTemplates.Content> content = repository
                    .findById(new MailTemplateText.Key(template, candidate))
                    .map(MailTemplateText::content)
                    .or(() -> templates.translation(template, candidate));
            if (content.isPresent()) {
                return content.get();
            }
        }
        return templates.shipped(template, language);
    }

    /** Replaces the text; a placeholder the mail does not offer is refused (422 naming it). */
    public Text change(
            MailTemplate template,
            LanguageTag language,
            MailTemplates.Content content,
            Integer version,
            String userId) {
        MailTemplates.requireKnownPlaceholders(template, content);
        MailTemplateText own = repository
                .findById(new MailTemplateText.Key(template, language.value()))
                .orElseGet(() -> new MailTemplateText(template, language.value()));
        if (version != null && version != own.version()) {
            throw new ObjectOptimisticLockingFailureException(MailTemplateText.class, template.file());
        }
        own.change(content, userId, clock.instant());
        repository.saveAndFlush(own);
        return get(template, language);
    }

    /** Back to the shipped default for this language. */
    public void reset(MailTemplate template, LanguageTag language) {
        repository.deleteById(new MailTemplateText.Key(template, language.value()));
    }

    /** The mail as it would go out, with example values: {@code draft} if given, else the current text. */
    @Transactional(readOnly = true)
    public MailTemplates.Rendered preview(
            MailTemplate template, LanguageTag language, Optional<MailTemplates.Content> draft) {
        MailTemplates.Content content = draft(template, language, draft);
        WorkspaceSettings workspace = settings.current();
        return templates.render(
                content,
                language.value(),
                new MailTemplates.Branding(workspace.name(), workspace.emailSignature(), workspace.supportUrl()),
                examples(template));
    }

    /** Sends the preview to the calling agent's address through the worker's outbound mail path; answers it. */
    public String sendTest(
            MailTemplate template, LanguageTag language, Optional<MailTemplates.Content> draft, Actor caller) {
        MailTemplates.Content content = draft(template, language, draft);
        String recipient = agents.get(caller.agentId()).email();
        events.record(
                EventTopology.MAIL_TEST_REQUESTED,
                new TestMailRequested(
                        template.file(),
                        language.value(),
                        recipient,
                        content.subject(),
                        content.html(),
                        content.text()));
        return recipient;
    }

    /** The example value of every placeholder {@code template} offers. */
    public static Map<Placeholder, String> examples(MailTemplate template) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        template.placeholders().forEach(placeholder -> values.put(placeholder, placeholder.example()));
        return values;
    }

    private MailTemplates.Content draft(
            MailTemplate template, LanguageTag language, Optional<MailTemplates.Content> draft) {
        draft.ifPresent(content -> MailTemplates.requireKnownPlaceholders(template, content));
        return draft.orElseGet(() -> effective(template, language.value()));
    }
}
