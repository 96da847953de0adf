package io.safaridesk.helpdesk.image;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An uploaded picture (avatar, logo) that passed the checks: at most {@link #MAX_BYTES}, and a PNG, JPEG or WebP
 * image by its bytes, whatever the request claimed.
 */
public record UploadedImage(byte[] content, ImageType type) {

    /** Images larger than this are refused. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** Checks the upload sent as {@code field}; refuses it with a problem naming that field. */
    public static UploadedImage accept(String field, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new ImageRefused(
                    HttpStatus.CONTENT_TOO_LARGE,
                    field + "-too-large",
                    field,
                    "is " + content.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        ImageType type = ImageType.sniff(content)
                .orElseThrow(() -> new ImageRefused(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        field + "-not-an-image",
                        field,
                        "is not a PNG, JPEG or WebP image"));
        return new UploadedImage(content, type);
    }

    /** An upload that is too large or not an image we accept. */
    static final class ImageRefused extends ApiProblem {
        ImageRefused(HttpStatus status, String type, String field, String reason) {
            super(status, type, field + " " + reason, List.of(new FieldProblem(field, reason)));
        }
    }
}
