package io.safaridesk.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}): whatever ended in {@code sendError} or an exception outside
 * Spring MVC (a filter's refusal, the security firewall, a request too large to read) is answered as a problem with
 * a stable type and a plain detail, whatever the client accepts; never the whitelabel HTML page.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500) {
            log.error(
                    "unexpected failure at {}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure instanceof Throwable t ? t : null);
        } else {
            log.warn(
                    "refused {} {}: {}",
                    request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    status);
        }
        if (response.isCommitted()) {
            return;
        }
        if (status == 500 && failure instanceof Throwable t && DatabaseUnavailable.isCause(t)) {
            Problems.write(
                    response,
                    DatabaseUnavailable.problem(),
                    Map.of("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return;
        }
        Problems.write(
                response,
                Problems.of(
                        HttpStatusCode.valueOf(status), Problems.typeOf(status), Problems.detailOf(status), List.of()),
                Map.of());
    }
}
