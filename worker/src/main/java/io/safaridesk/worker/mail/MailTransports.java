package io.safaridesk.worker.mail;

import io.safaridesk.platform.mail.SmtpServer;
import io.safaridesk.platform.mail.WorkspaceSmtp;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Which SMTP server a workspace's mail goes through: its own (looked up at most once a minute) or the platform's.
 */
public class MailTransports {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final JavaMailSender platform;
    private final WorkspaceSmtp smtp;
    private final Clock clock;
    private final ConcurrentMap<TenantSlug, Cached> cache = new ConcurrentHashMap<>();

    public MailTransports(JavaMailSender platform, WorkspaceSmtp smtp, Clock clock) {
        this.platform = platform;
        this.smtp = smtp;
        this.clock = clock;
    }

    private record Cached(Optional<JavaMailSender> sender, Instant until) {}

    public JavaMailSender forWorkspace(TenantSlug workspace) {
        Instant now = clock.instant();
        Cached cached = cache.get(workspace);
        if (cached == null || cached.until().isBefore(now)) {
            Optional<SmtpServer> server = TenantContext.callAs(workspace, smtp::current);
            cached = new Cached(server.map(MailTransports::sender), now.plus(TTL));
            cache.put(workspace, cached);
        }
        return cached.sender().orElse(platform);
    }

    public JavaMailSender platform() {
        return platform;
    }

    private static JavaMailSender sender(SmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setUsername(server.username());
        sender.setPassword(server.password());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", String.valueOf(server.username() != null));
        properties.put("mail.smtp.starttls.enable", String.valueOf(server.startTls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
