package io.safaridesk.helpdesk.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * tenant-provisioning's public API runs without Spring Security; started inside helpdesk-api's tests, it finds
 * Spring Security on the classpath, and this keeps its routes as open as they are in production.
 */
// Deliberately not a @Configuration: helpdesk-api's own context scans this package and must never pick it up.
class OpenProvisioningApi {

    @Bean
    SecurityFilterChain permitEverything(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
