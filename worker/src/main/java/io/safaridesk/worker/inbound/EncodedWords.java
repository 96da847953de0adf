package io.safaridesk.worker.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words in a header as the clients really write them: adjacent words of one charset are
 * joined before decoding (Outlook and Gmail split a multi-byte character across two words), words glued to text are
 * decoded too, the RFC 2231 language suffix is ignored, the charset names Java does not know are mapped to the ones
 * they mean ({@code ks_c_5601-1987}, {@code gb2312}...), and a word that cannot be decoded is left as it came.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Map<String, String> ALIASES = Map.of(
            "ks_c_5601-1987", "x-windows-949",
            "gb2312", "GBK",
            "iso-8859-8-i", "ISO-8859-8",
            "unicode-1-1-utf-7", "UTF-8",
            "utf8", "UTF-8",
            "x-unknown", "windows-1252");

    private EncodedWords() {}

    static String decode(String header) {
        if (header == null || !header.contains("=?")) {
            return header;
        }
        List<MatchResult> words = WORD.matcher(header).results().toList();
        StringBuilder out = new StringBuilder();
        int at = 0;
        int i = 0;
        while (i < words.size()) {
            MatchResult first = words.get(i);
            out.append(header, at, first.start());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int j = i;
            while (j < words.size()
                    && (j == i
                            || words.get(j).group(1).equalsIgnoreCase(first.group(1))
                                    && header.substring(
                                                    words.get(j - 1).end(),
                                                    words.get(j).start())
                                            .isBlank())
                    && append(bytes, words.get(j).group(2), words.get(j).group(3))) {
                j++;
            }
            if (j == i) {
                out.append(first.group());
                at = first.end();
                i++;
                continue;
            }
            out.append(new String(bytes.toByteArray(), charset(first.group(1))));
            at = words.get(j - 1).end();
            i = j;
        }
        return out.append(header.substring(at)).toString();
    }

    private static boolean append(ByteArrayOutputStream bytes, String encoding, String text) {
        try {
            if (encoding.equalsIgnoreCase("B")) {
                bytes.writeBytes(Base64.getMimeDecoder().decode(text));
            } else {
                bytes.writeBytes(quotedPrintable(text));
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '=') {
                throw new IllegalArgumentException("truncated escape");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static Charset charset(String name) {
        String bare = name.contains("*") ? name.substring(0, name.indexOf('*')) : name;
        String mapped = ALIASES.getOrDefault(bare.toLowerCase(Locale.ROOT), bare);
        try {
            return Charset.forName(mapped);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
