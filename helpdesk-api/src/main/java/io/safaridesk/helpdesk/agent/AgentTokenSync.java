package io.safaridesk.helpdesk.agent;

import io.safaridesk.helpdesk.security.TenantAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * On a staff user's request, creates or updates their agent profile from the token ({@link AgentTokenMirror}), never
 * failing the request. Runs inside the workspace context the security filters set.
 */
@Configuration(proxyBeanMethods = false)
class AgentTokenSync implements HandlerInterceptor, WebMvcConfigurer {

    private final AgentTokenMirror mirror;

    AgentTokenSync(AgentTokenMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TenantAuthentication caller) {
            mirror.mirror(caller);
        }
        return true;
    }
}
