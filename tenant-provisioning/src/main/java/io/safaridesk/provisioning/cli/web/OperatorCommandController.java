package io.safaridesk.provisioning.cli.web;

import io.safaridesk.platform.operator.OperatorCommands;
import io.safaridesk.provisioning.cli.TenantCli;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code safaridesk tenant|cell ...} answered by the running service, for the launcher's thin client. Callable only by
 * the local operator (loopback and the run's token, see {@link OperatorCommands}).
 */
@RestController
@RequestMapping("/operator")
class OperatorCommandController {

    private final OperatorCommands commands;
    private final ApplicationContext context;

    OperatorCommandController(OperatorCommands commands, ApplicationContext context) {
        this.commands = commands;
        this.context = context;
    }

    @PostMapping("/tenant")
    ResponseEntity<byte[]> tenant(
            @RequestParam(name = "arg", required = false) List<String> args,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return commands.run(request, authorization, args, (a, out, err) -> TenantCli.tenant(context, a, out, err));
    }

    @PostMapping("/cell")
    ResponseEntity<byte[]> cell(
            @RequestParam(name = "arg", required = false) List<String> args,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return commands.run(request, authorization, args, (a, out, err) -> TenantCli.cell(context, a, out, err));
    }
}
