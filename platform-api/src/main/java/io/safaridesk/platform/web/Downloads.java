package io.safaridesk.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** How every API hands out and takes in user files. */
public final class Downloads {

    private Downloads() {}

    /**
     * A stored file as a download: its stored type, always as an attachment, never sniffed (nosniff) or rendered
     * (a sandboxing Content-Security-Policy), not kept by shared caches.
     */
    public static ResponseEntity<byte[]> attachment(String contentType, String filename, byte[] bytes) {
        return headers(contentType, filename).body(bytes);
    }

    /**
     * A stored file as a download streamed from {@code content} (closed once sent), with the same headers: files of
     * any size pass through a small buffer.
     */
    public static ResponseEntity<Resource> attachment(
            String contentType, String filename, long size, InputStream content) {
        return headers(contentType, filename).contentLength(size).body(new InputStreamResource(content));
    }

    private static ResponseEntity.BodyBuilder headers(String contentType, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate());
    }

    /** The bytes of an uploaded multipart file. */
    public static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
    }
}
