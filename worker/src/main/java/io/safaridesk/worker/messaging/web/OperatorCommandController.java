package io.safaridesk.worker.messaging.web;

import io.safaridesk.platform.operator.OperatorCommands;
import io.safaridesk.worker.messaging.DeadLetters;
import io.safaridesk.worker.messaging.DlqCli;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code safaridesk dlq ...} answered by the running worker, on its own queues, for the launcher's thin client.
 * Callable only by the local operator (loopback and the run's token, see {@link OperatorCommands}).
 */
@RestController
class OperatorCommandController {

    private final OperatorCommands commands;
    private final DeadLetters deadLetters;

    OperatorCommandController(OperatorCommands commands, DeadLetters deadLetters) {
        this.commands = commands;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/operator/dlq")
    ResponseEntity<byte[]> dlq(
            @RequestParam(name = "arg", required = false) List<String> args,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return commands.run(request, authorization, args, (a, out, err) -> DlqCli.run(a, deadLetters, out, err));
    }
}
