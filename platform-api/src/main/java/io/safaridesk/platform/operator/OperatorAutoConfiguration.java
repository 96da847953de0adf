package io.safaridesk.platform.operator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The operator commands' gate, for services that answer {@code safaridesk tenant|cell|dlq} over HTTP. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OperatorAutoConfiguration {

    @Bean
    OperatorCommands operatorCommands(@Value("${safaridesk.operator.token:}") String token) {
        return new OperatorCommands(token);
    }
}
