package io.safaridesk.infra.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An in-JVM SMTP and IMAP server (GreenMail) that accepts every message and lets any user read its mailbox: the mail
 * catcher of the local stack and of the tests.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private EmbeddedMailServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static EmbeddedMailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new EmbeddedMailServer(greenMail, smtpPort, imapPort);
    }

    public ServiceEndpoints.Mail endpoint() {
        return new ServiceEndpoints.Mail("127.0.0.1", smtpPort, "127.0.0.1", imapPort);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
