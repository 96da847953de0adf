package io.safaridesk.platform.web;

import io.safaridesk.platform.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset-pagination cursors: clients pass back what they were given, never an offset. */
public final class Cursor {

    private Cursor() {}

    public static String encodeId(long lastId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which the next page starts; 0 for the first page. */
    public static long decodeId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("id:")) {
                throw new IllegalArgumentException(decoded);
            }
            return Long.parseLong(decoded.substring(3));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor this API gave out");
        }
    }
}
