package io.safaridesk.helpdesk.actor;

import io.safaridesk.helpdesk.security.ApiTokenAuthentication;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.actor.Actor;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the caller as an {@link Actor}: a realm user as {@link Actors} resolves it, or an API token. */
@Configuration(proxyBeanMethods = false)
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Actors actors;

    ActorArgumentResolver(Actors actors) {
        this.actors = actors;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return switch (SecurityContextHolder.getContext().getAuthentication()) {
            case TenantAuthentication caller -> actors.of(caller);
            case ApiTokenAuthentication token -> token.actor();
            case null, default -> throw Actors.NoActor.anonymous();
        };
    }
}
