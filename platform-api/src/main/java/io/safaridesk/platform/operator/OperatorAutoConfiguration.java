package io.safaridesk.platform.operator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The operator commands' gate, for services that answer {@code safaridesk tenant|cell|dlq} over HTTP; present in
 * every context, also the CLI's own web-less one, since the services' controllers are scanned there too.
 */
@AutoConfiguration
public class OperatorAutoConfiguration {

    @Bean
    OperatorCommands operatorCommands(@Value("${safaridesk.operator.token:}") String token) {
        return new OperatorCommands(token);
    }
}
