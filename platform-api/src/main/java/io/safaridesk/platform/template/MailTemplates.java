package io.safaridesk.platform.template;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.html.SafeHtml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link MailTemplate} into subject, plain text and HTML: the shipped text in the recipient's language (or
 * English when there is no translation), or a workspace's own {@link Content}; the HTML body goes into the branded
 * layout with the workspace's name, signature and support link. Placeholder values are escaped in HTML, except
 * sanitised HTML ones; an admin's HTML is sanitised as well, after the values went in.
 */
@Component
public class MailTemplates {

    /** The language of the shipped templates that every other one falls back to. */
    public static final String DEFAULT_LANGUAGE = "en";

    private final TemplateEngine layout = layoutEngine();
    private final Map<String, Optional<Content>> shipped = new ConcurrentHashMap<>();

    /** How the workspace presents itself in mail. */
    public record Branding(String workspace, String signatureHtml, String supportUrl) {}

    /** The three texts of a mail, with placeholders: the subject, the HTML body (without layout) and the plain text. */
    public record Content(String subject, String html, String text) {}

    /** A rendered mail. */
    public record Rendered(String subject, String text, String html) {}

    /** Renders the shipped template in {@code language}, or in English when it has no translation. */
    public Rendered render(MailTemplate template, String language, Branding branding, Map<Placeholder, String> values) {
        return render(shipped(template, language), language, branding, values, false);
    }

    /**
     * Renders {@code content}, a workspace's own text of a mail: its HTML is sanitised once the values are in (so
     * styles and scripts go; the layout keeps its own).
     */
    public Rendered render(Content content, String language, Branding branding, Map<Placeholder, String> values) {
        return render(content, language, branding, values, true);
    }

    private Rendered render(
            Content content, String language, Branding branding, Map<Placeholder, String> values, boolean sanitise) {
        Map<Placeholder, String> model = new EnumMap<>(Placeholder.class);
        model.putAll(values);
        model.put(Placeholder.WORKSPACE_NAME, branding.workspace());
        if (branding.supportUrl() != null) {
            model.put(Placeholder.WORKSPACE_SUPPORT_URL, branding.supportUrl());
        }
        String subject =
                TemplateText.render(content.subject(), model, false).strip().replaceAll("[\\r\\n]+", " ");
        String body = TemplateText.render(content.html(), model, true);
        if (sanitise) {
            body = SafeHtml.clean(body);
        }
        Context context = new Context(Locale.forLanguageTag(language == null ? DEFAULT_LANGUAGE : language));
        context.setVariable("workspace", branding.workspace());
        context.setVariable("signature", branding.signatureHtml());
        context.setVariable("supportUrl", branding.supportUrl());
        context.setVariable("lang", context.getLocale().toLanguageTag());
        context.setVariable("content", body);
        return new Rendered(
                subject, TemplateText.render(content.text(), model, false), layout.process("layout", context));
    }

    /**
     * The shipped text of {@code template} in {@code language}: its own translation, else the one of its primary
     * language ({@code pt} for {@code pt-BR}), else English.
     */
    public Content shipped(MailTemplate template, String language) {
        for (String candidate : candidates(language)) {
            Optional<Content> content = translation(template, candidate);
            if (content.isPresent()) {
                return content.get();
            }
        }
        throw new IllegalStateException("No shipped template " + template.file());
    }

    /** The shipped translation of {@code template} into exactly {@code language}, if there is one. */
    public Optional<Content> translation(MailTemplate template, String language) {
        return shipped.computeIfAbsent(language + "/" + template.file(), key -> load(template, language));
    }

    /**
     * The languages to look for a mail's text in, best first: {@code language} itself, its primary language
     * ({@code pt} for {@code pt-BR}), then English.
     */
    public static List<String> candidates(String language) {
        List<String> candidates = new ArrayList<>();
        if (language != null && !language.isBlank()) {
            candidates.add(language);
            String primary = Locale.forLanguageTag(language).getLanguage();
            if (!primary.isEmpty() && !primary.equals(language)) {
                candidates.add(primary);
            }
        }
        if (!candidates.contains(DEFAULT_LANGUAGE)) {
            candidates.add(DEFAULT_LANGUAGE);
        }
        return candidates;
    }

    /** A 422 naming every placeholder in {@code content} that {@code template} does not offer, if there is one. */
    public static void requireKnownPlaceholders(MailTemplate template, Content content) {
        List<FieldProblem> problems = new ArrayList<>();
        check(template, "subject", content.subject(), problems);
        check(template, "html", content.html(), problems);
        check(template, "text", content.text(), problems);
        if (!problems.isEmpty()) {
            throw new ApiProblem.InvalidInput(problems);
        }
    }

    private static void check(MailTemplate template, String field, String source, List<FieldProblem> problems) {
        TemplateText.unknown(template, source)
                .forEach(name -> problems.add(new FieldProblem(
                        field,
                        "uses the unknown placeholder {{" + name + "}}; this mail offers " + offered(template))));
    }

    private static String offered(MailTemplate template) {
        return String.join(
                ", ",
                template.placeholders().stream()
                        .map(p -> "{{" + p.placeholder() + "}}")
                        .toList());
    }

    private static Optional<Content> load(MailTemplate template, String language) {
        String folder = "mail/templates/" + (DEFAULT_LANGUAGE.equals(language) ? "" : language + "/");
        Optional<String> subject = resource(folder + template.file() + ".subject.txt");
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Content(
                subject.get().strip(),
                resource(folder + template.file() + ".html").orElseThrow(),
                resource(folder + template.file() + ".txt").orElseThrow()));
    }

    private static Optional<String> resource(String path) {
        if (!path.matches("[a-zA-Z0-9/._-]+")) {
            return Optional.empty();
        }
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateEngine layoutEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
