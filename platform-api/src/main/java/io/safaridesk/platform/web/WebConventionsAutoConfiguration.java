package io.safaridesk.platform.web;

import io.safaridesk.platform.error.ProblemAdvice;
import io.safaridesk.platform.error.ProblemErrorController;
import io.safaridesk.platform.error.ProblemErrorReportValve;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * What every SafariDesk HTTP API shares: problem+json for every error (Spring MVC's, the error page's and Tomcat's
 * own), the edge guard against text PostgreSQL cannot store, and the seed's paths answering with and without their
 * trailing slash ({@code /api/v1/ticket/list/} and {@code /api/v1/ticket/list} are one resource).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemAdvice.class, ProblemErrorController.class})
public class WebConventionsAutoConfiguration {

    /** Right after Spring Security's filter chain (order -100): anonymous callers of closed routes get 401 first. */
    static final int INPUT_GUARD_ORDER = -90;

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashes() {
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<InputGuardFilter> inputGuard() {
        FilterRegistrationBean<InputGuardFilter> registration = new FilterRegistrationBean<>(new InputGuardFilter());
        registration.setOrder(INPUT_GUARD_ORDER);
        return registration;
    }

    @Bean
    StorableStringsModule storableStrings() {
        return new StorableStringsModule();
    }

    /** Where the service serves OpenAPI documents (springdoc on the classpath), they follow the wire's conventions. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    @Import(ApiDocsConventions.class)
    static class ApiDocs {}

    /** Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error page once the host has made its own. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                ProblemErrorReportValve.install(host);
            }
        }));
    }
}
