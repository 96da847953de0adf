package io.safaridesk.platform.web;

import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge guard for what Spring MVC binds without a JSON body: every query parameter and form field (name and
 * value), every header and every multipart file name must be {@link StorableText storable}; else 422 naming the
 * field. A multipart body that cannot be parsed (no boundary, cut short) is 400, one larger than allowed 413. JSON
 * bodies are held to the same rule while they are read ({@link StorableStringsModule}).
 */
public final class InputGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InputGuardFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (!StorableText.isCleanHeader(value)) {
                    problems.add(new FieldProblem(name, "contains a control character"));
                }
            }
        }
        if (isMultipart(request)) {
            try {
                for (Part part : request.getParts()) {
                    String fileName = part.getSubmittedFileName();
                    if (fileName != null && !StorableText.isStorable(fileName)) {
                        problems.add(new FieldProblem(
                                printable(part.getName()), "has a file name that " + StorableText.REASON));
                    }
                }
            } catch (InvalidFileNameException badName) {
                problems.add(new FieldProblem("filename", StorableText.REASON));
            } catch (IllegalStateException tooLarge) {
                refuse(
                        response,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large",
                        "The upload is larger than allowed",
                        List.of());
                return;
            } catch (IOException | ServletException malformed) {
                refuse(
                        response,
                        HttpStatus.BAD_REQUEST,
                        "malformed-multipart",
                        "The multipart body cannot be read (a boundary is missing or the body is cut short)",
                        List.of());
                return;
            }
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            boolean storable = StorableText.isStorable(name);
            for (String value : parameter.getValue()) {
                storable &= StorableText.isStorable(value);
            }
            if (!storable) {
                problems.add(new FieldProblem(printable(name), StorableText.REASON));
            }
        }
        if (!problems.isEmpty()) {
            String detail = problems.size() == 1
                    ? problems.getFirst().field() + " " + problems.getFirst().reason()
                    : "Some fields are not valid";
            refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", detail, problems);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A field name that can be echoed back: the refused characters shown as U+FFFD. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints()
                .forEach(cp -> shown.appendCodePoint(
                        cp == 0 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) ? 0xFFFD : cp));
        return shown.toString();
    }

    private static void refuse(
            HttpServletResponse response, HttpStatus status, String type, String detail, List<FieldProblem> fields)
            throws IOException {
        log.warn("{}: {}", type, detail);
        Problems.write(response, Problems.of(status, type, detail, fields), Map.of());
    }
}
