package io.safaridesk.platform.ratelimit;

import io.safaridesk.platform.web.ClientAddresses;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits for the anonymous doors of a service with the platform database; also where the service runs without a
 * web server (the operator CLI builds the same login and sign-up beans).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({RateLimitProperties.class, ClientAddresses.class})
public class RateLimitAutoConfiguration {

    @Bean
    RateLimiter rateLimiter(DataSource dataSource, RateLimitProperties properties, ObjectProvider<Clock> clock) {
        return new RateLimiter(JdbcClient.create(dataSource), properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
