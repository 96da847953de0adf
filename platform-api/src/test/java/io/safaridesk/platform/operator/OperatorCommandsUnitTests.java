package io.safaridesk.platform.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class OperatorCommandsUnitTests {

    private final OperatorCommands commands = new OperatorCommands("s3cret");
    private final AtomicBoolean ran = new AtomicBoolean();

    private final OperatorCommands.Command echo = (args, out, err) -> {
        ran.set(true);
        out.print(String.join(" ", args));
        err.print("warned");
        return 3;
    };

    @Test
    void answersTheCommandsOutputErrorsAndExitCodeToTheLocalOperator() {
        ResponseEntity<byte[]> answer = commands.run(from("127.0.0.1"), "Bearer s3cret", List.of("show", "acme"), echo);

        assertThat(answer.getHeaders().getFirst(OperatorCommands.EXIT_CODE_HEADER))
                .isEqualTo("3");
        assertThat(answer.getHeaders().getFirst(OperatorCommands.STDOUT_BYTES_HEADER))
                .isEqualTo("9");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).isEqualTo("show acmewarned");
    }

    @Test
    void refusesAWrongOrMissingTokenBeforeRunningAnything() {
        assertThatThrownBy(() -> commands.run(from("127.0.0.1"), "Bearer guess", List.of(), echo))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(401));
        assertThatThrownBy(() -> commands.run(from("127.0.0.1"), null, List.of(), echo))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(401));
        assertThat(ran).isFalse();
    }

    @Test
    void refusesACallerFromAnotherMachineEvenWithTheToken() {
        assertThatThrownBy(() -> commands.run(from("10.1.2.3"), "Bearer s3cret", List.of(), echo))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(403));
        assertThat(ran).isFalse();
    }

    @Test
    void doesNotExistWithoutAToken() {
        assertThatThrownBy(() -> new OperatorCommands("").run(from("127.0.0.1"), "Bearer ", List.of(), echo))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(404));
        assertThat(ran).isFalse();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/operator/tenant");
        request.setRemoteAddr(address);
        return request;
    }
}
