package io.safaridesk.helpdesk.settings.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.mail.WorkspaceMailTemplates;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Mail templates")
@RestController
@RequestMapping("/api/v1/settings/mail-templates")
class MailTemplateController {

    private final WorkspaceMailTemplates templates;

    MailTemplateController(WorkspaceMailTemplates templates) {
        this.templates = templates;
    }

    record PlaceholderView(String name, String description, String example) {}

    record SummaryView(String template, List<PlaceholderView> placeholders, List<String> customLanguages) {

        static SummaryView of(WorkspaceMailTemplates.Summary summary) {
            return new SummaryView(
                    summary.template().file(),
                    summary.template().placeholders().stream()
                            .map(p -> new PlaceholderView(p.placeholder(), p.description(), p.example()))
                            .toList(),
                    summary.customLanguages());
        }
    }

    record TextView(
            String template,
            String language,
            String subject,
            String html,
            String text,
            boolean custom,
            Instant updatedAt,
            int version) {

        static TextView of(WorkspaceMailTemplates.Text text) {
            return new TextView(
                    text.template().file(),
                    text.language(),
                    text.content().subject(),
                    text.content().html(),
                    text.content().text(),
                    text.custom(),
                    text.updatedAt(),
                    text.version());
        }
    }

    record TextRequest(
            @NotNull @Size(min = 1, max = 300) String subject,
            @NotNull @Size(max = 100_000) String html,
            @NotNull @Size(max = 100_000) String text,
            Integer version) {

        MailTemplates.Content toContent() {
            return new MailTemplates.Content(subject, html, text);
        }
    }

    record RenderedView(String subject, String html, String text) {

        static RenderedView of(MailTemplates.Rendered rendered) {
            return new RenderedView(rendered.subject(), rendered.html(), rendered.text());
        }
    }

    record TestSent(String recipient) {}

    @Operation(summary = "Every mail the workspace sends that admins may edit, its placeholders and its own languages")
    @GetMapping
    List<SummaryView> list() {
        return templates.list().stream().map(SummaryView::of).toList();
    }

    @Operation(summary = "A mail's text in a language: the workspace's own (custom=true) or the shipped default")
    @GetMapping("/{template}/{language}")
    TextView get(@PathVariable String template, @PathVariable String language) {
        return TextView.of(templates.get(MailTemplate.editable(template), LanguageTag.of("language", language)));
    }

    @Operation(
            summary = "Replaces a mail's text in a language; {{placeholder}} values are escaped; an unknown"
                    + " placeholder is refused with 422 naming it")
    @PutMapping("/{template}/{language}")
    TextView change(
            Actor actor,
            @PathVariable String template,
            @PathVariable String language,
            @Valid @RequestBody TextRequest request) {
        return TextView.of(templates.change(
                MailTemplate.editable(template),
                LanguageTag.of("language", language),
                request.toContent(),
                request.version(),
                actor.userId()));
    }

    @Operation(summary = "Back to the shipped default for this language")
    @DeleteMapping("/{template}/{language}")
    ResponseEntity<Void> reset(@PathVariable String template, @PathVariable String language) {
        templates.reset(MailTemplate.editable(template), LanguageTag.of("language", language));
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "The mail rendered with example values and the workspace's branding: the draft in the body if"
                    + " one is sent, else the current text")
    @PostMapping("/{template}/{language}/preview")
    RenderedView preview(
            @PathVariable String template,
            @PathVariable String language,
            @Valid @RequestBody(required = false) TextRequest draft) {
        return RenderedView.of(templates.preview(
                MailTemplate.editable(template),
                LanguageTag.of("language", language),
                Optional.ofNullable(draft).map(TextRequest::toContent)));
    }

    @Operation(
            summary = "Mails the preview (draft or current text) to the calling admin through the outbound mail"
                    + " path, its subject marked [Test]")
    @PostMapping("/{template}/{language}/test")
    ResponseEntity<TestSent> test(
            Actor actor,
            @PathVariable String template,
            @PathVariable String language,
            @Valid @RequestBody(required = false) TextRequest draft) {
        String recipient = templates.sendTest(
                MailTemplate.editable(template),
                LanguageTag.of("language", language),
                Optional.ofNullable(draft).map(TextRequest::toContent),
                actor);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new TestSent(recipient));
    }
}
