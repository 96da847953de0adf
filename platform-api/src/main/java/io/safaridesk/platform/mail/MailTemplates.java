package io.safaridesk.platform.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link MailTemplate} with Thymeleaf into subject, plain text and HTML, branded with the workspace's name,
 * signature and support link. Values are escaped in HTML unless a template asks for sanitised HTML ({@code th:utext}
 * of {@code bodyHtml} and {@code signature}, which come from the OWASP sanitizer).
 */
@Component
public class MailTemplates {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    /** How the workspace presents itself in mail. */
    public record Branding(String workspace, String signatureHtml, String supportUrl) {}

    /** A rendered mail. */
    public record Rendered(String subject, String text, String html) {}

    public Rendered render(MailTemplate template, Branding branding, Map<String, ?> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("workspace", branding.workspace());
        model.put("signature", branding.signatureHtml());
        model.put("supportUrl", branding.supportUrl());
        Context context = new Context(Locale.ENGLISH, model);
        String subject =
                text.process(template.file() + ".subject", context).strip().replaceAll("[\\r\\n]+", " ");
        return new Rendered(subject, text.process(template.file(), context), html.process(template.file(), context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
