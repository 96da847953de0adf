package io.safaridesk.domain.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an uploaded file is, judged by its bytes (magic numbers) rather than by what the client claimed; the file name's
 * extension only tells apart formats that share a container (Office documents are ZIP or OLE files). Markup a browser
 * would render (HTML, SVG, XML) and executables are {@link #dangerous(byte[], String) dangerous} and refused.
 */
public final class AttachmentType {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final int TEXT_PROBE = 8 * 1024;

    private static final Set<String> DANGEROUS_EXTENSIONS = Set.of(
            "html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "js", "mjs", "exe", "dll", "com", "bat",
            "cmd", "msi", "scr", "ps1", "vbs", "jar", "sh", "app", "apk", "hta", "swf");

    private static final Map<String, String> ZIP_DOCUMENTS = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet");

    private static final Map<String, String> OLE_DOCUMENTS = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

    private static final Map<String, String> TEXTS =
            Map.of("csv", "text/csv", "md", "text/markdown", "json", "application/json");

    private static final String[] MARKUP = {
        "<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe"
    };

    private AttachmentType() {}

    /** Whether the file is markup a browser renders, or a program: by its bytes or by its name. */
    public static boolean dangerous(byte[] content, String filename) {
        if (DANGEROUS_EXTENSIONS.contains(extension(filename))) {
            return true;
        }
        if (startsWith(content, 0, 'M', 'Z')
                || startsWith(content, 0, 0x7F, 'E', 'L', 'F')
                || startsWith(content, 0, 0xCA, 0xFE, 0xBA, 0xBE)
                || startsWith(content, 0, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(content, 0, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(content, 0, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(content, 0, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(content, 0, '#', '!')) {
            return true;
        }
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "")
                .replace("ï»¿", "")
                .strip()
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(MARKUP).anyMatch(head::startsWith);
    }

    /** The media type of a file that is not {@link #dangerous dangerous}. */
    public static String sniff(byte[] content, String filename) {
        String extension = extension(filename);
        return known(content, extension)
                .orElseGet(() -> isText(content) ? TEXTS.getOrDefault(extension, "text/plain") : OCTET_STREAM);
    }

    private static Optional<String> known(byte[] content, String extension) {
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (startsWith(content, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, 0, 'P', 'K', 0x03, 0x04)) {
            return Optional.of(ZIP_DOCUMENTS.getOrDefault(extension, "application/zip"));
        }
        if (startsWith(content, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(OLE_DOCUMENTS.getOrDefault(extension, OCTET_STREAM));
        }
        if (startsWith(content, 0, 0x1F, 0x8B)) {
            return Optional.of("application/gzip");
        }
        if (startsWith(content, 4, 'f', 't', 'y', 'p')) {
            return Optional.of("video/mp4");
        }
        if (startsWith(content, 0, 'I', 'D', '3')) {
            return Optional.of("audio/mpeg");
        }
        return Optional.empty();
    }

    /** UTF-8 without NUL bytes, judged on the first {@link #TEXT_PROBE} bytes (a cut character at the end is fine). */
    private static boolean isText(byte[] content) {
        int length = Math.min(content.length, TEXT_PROBE);
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, length == content.length ? length : length - 4));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, int offset, int... prefix) {
        if (content.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[offset + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
