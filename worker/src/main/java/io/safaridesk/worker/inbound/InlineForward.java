package io.safaridesk.worker.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message forwarded inline in a plain-text body: the separator line the clients write (Gmail's "Forwarded message",
 * Apple's "Begin forwarded message:", Outlook's "Original Message" or its header block, Thunderbird's, in the
 * languages they ship) followed by the forwarded header lines, from which the subject, any Message-IDs and the
 * addresses are read.
 */
final class InlineForward {

    static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*(-{2,}\\s*(Forwarded message|Original Message|Weitergeleitete Nachricht|Ursprüngliche Nachricht"
                    + "|Message transféré|Message d'origine|Mensaje reenviado|Mensaje original|Mensagem encaminhada"
                    + "|Mensagem original|Messaggio inoltrato|Messaggio originale|Doorgestuurd bericht"
                    + "|Oorspronkelijk bericht|Vidarebefordrat meddelande|Ursprungligt meddelande"
                    + "|Videresendt meddelelse|Oprindelig meddelelse|Videresendt melding|Opprinnelig melding"
                    + "|Välitetty viesti|Alkuperäinen viesti|Wiadomość przekazana|Oryginalna wiadomość"
                    + "|転送されたメッセージ|元のメッセージ|转发的邮件|原始邮件)\\s*-{2,}"
                    + "|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:|Début du message réexpédié :"
                    + "|Inicio del mensaje reenviado:|Início da mensagem reencaminhada:)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORWARD_SEPARATOR = Pattern.compile(
            "(?i)forward|weitergeleitet|transféré|réexpédié|reenviado|encaminhad|reencaminhad|inoltrato|doorgestuurd"
                    + "|vidarebefordrat|videresendt|välitetty|przekazana|転送|转发");
    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*\\*?(Subject|Betreff|Objet|Asunto|Assunto|Oggetto|Onderwerp|Ämne|Emne|Aihe|Temat|件名|主题|主旨)\\s*[:：]\\*?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESSED = Pattern.compile(
            "^\\s*\\*?(From|Reply-To|To|Von|An|De|À|Para|Da|A|Van|Aan|Från|Till|Fra|Til|Lähettäjä"
                    + "|Vastaanottaja|Od|Do|差出人|宛先|发件人|收件人)\\s*[:：]\\*?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /**
     * The forward prefixes of the clients' subjects (not the Nordic {@code VS:}, which is a reply in Finnish and a
     * forward in Danish and Norwegian).
     */
    static final Pattern SUBJECT_PREFIX = Pattern.compile(
            "^\\s*(Fwd?|FW|WG|TR|RV|ENC|I|Doorst|VB|VL|PD|PRZEKAŻ|転送|转发|轉寄)\\s*[:：]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final int HEADER_LINES = 12;

    private InlineForward() {}

    /** The forwarded message of a body: after a forward separator, or a header block when the subject forwards. */
    static Optional<ParsedMail.Forwarded> of(String text, String subject) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (SEPARATOR.matcher(lines[i]).matches()
                    && FORWARD_SEPARATOR.matcher(lines[i]).find()) {
                return Optional.of(read(lines, i + 1));
            }
        }
        if (subject != null && SUBJECT_PREFIX.matcher(subject).find()) {
            for (int i = 0; i < lines.length; i++) {
                if (QuotedText.headerBlock(lines, i)) {
                    return Optional.of(read(lines, i));
                }
            }
        }
        return Optional.empty();
    }

    private static ParsedMail.Forwarded read(String[] lines, int from) {
        String subject = null;
        List<String> addresses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = from; i < Math.min(lines.length, from + HEADER_LINES); i++) {
            String line = lines[i].startsWith(">") ? lines[i].replaceFirst("^>+\\s?", "") : lines[i];
            Matcher subjectLine = SUBJECT.matcher(line);
            if (subjectLine.matches() && subject == null) {
                subject = subjectLine.group(2).strip();
            }
            if (ADDRESSED.matcher(line).matches()) {
                Matcher email = EMAIL.matcher(line);
                while (email.find()) {
                    addresses.add(email.group().toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                ids.addAll(MimeReader.ids(line));
            }
        }
        return new ParsedMail.Forwarded(List.copyOf(ids), List.copyOf(addresses), subject, true);
    }
}
