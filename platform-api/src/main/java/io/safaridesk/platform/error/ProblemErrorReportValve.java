package io.safaridesk.platform.error;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own refusals (an encoded slash or NUL in the path, invalid percent-encoding, a malformed request line)
 * happen before any web application sees the request, and Tomcat answers them with its HTML error page. This valve
 * takes that page's place on the host: the same refusals as RFC 9457 problems with a stable type.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** Replaces the host's error report valve with this one. */
    public static void install(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                return;
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            byte[] body = JsonMapper.shared()
                    .writeValueAsBytes(Problems.body(Problems.of(
                            HttpStatusCode.valueOf(status),
                            Problems.typeOf(status),
                            Problems.detailOf(status),
                            List.of())));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell anyone
        }
    }
}
