package io.safaridesk.worker.inbound.web;

import io.safaridesk.platform.operator.OperatorCommands;
import io.safaridesk.worker.inbound.MailCli;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code safaridesk mail ...} answered by the running worker, for the launcher's thin client. Callable only by the
 * local operator (loopback and the run's token, see {@link OperatorCommands}).
 */
@RestController
class MailOperatorController {

    private final OperatorCommands commands;
    private final ApplicationContext context;

    MailOperatorController(OperatorCommands commands, ApplicationContext context) {
        this.commands = commands;
        this.context = context;
    }

    @PostMapping("/operator/mail")
    ResponseEntity<byte[]> mail(
            @RequestParam(name = "arg", required = false) List<String> args,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return commands.run(request, authorization, args, (a, out, err) -> MailCli.run(context, a, out, err));
    }
}
