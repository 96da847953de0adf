package io.safaridesk.provisioning.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sign-up and login API is public by nature: where Spring Security is on the classpath (another service embedding
 * this one, e.g. in tests), it must not lock these routes behind its defaults.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
class PublicApiSecurity {

    @Bean
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
