package io.safaridesk.helpdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Authorises a request by the {@link Callers} of the handler that will answer it. Where no handler answers the path,
 * everyone gets MVC's 404 problem; where the routes at the path refuse the method or media type, only a caller who
 * may call one of them learns so; a handler that declares nothing is refused to everyone.
 */
final class DeclaredAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision REFUSED = new AuthorizationDecision(false);

    private final RequestMappingHandlerMapping routes;
    private final Map<Method, AuthorizationManager<RequestAuthorizationContext>> byHandler = new ConcurrentHashMap<>();

    DeclaredAccess(RequestMappingHandlerMapping routes) {
        this.routes = routes;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = parsed(context.getRequest());
        HandlerExecutionChain answer;
        try {
            answer = routes.getHandler(request);
        } catch (Exception refusedMethodOrMediaType) {
            return atThePath(request).authorize(authentication, context);
        }
        if (answer == null) {
            return GRANTED;
        }
        if (!(answer.getHandler() instanceof HandlerMethod handler)) {
            return REFUSED;
        }
        return byHandler
                .computeIfAbsent(handler.getMethod(), method -> declared(handler))
                .authorize(authentication, context);
    }

    /**
     * Where the routes at the request's path refuse its media type, whoever may call the one with its method learns so
     * (415); where none takes its method, whoever may call some route there learns that (405). Anyone else is refused
     * as if they had called it.
     */
    private AuthorizationManager<RequestAuthorizationContext> atThePath(HttpServletRequest request) {
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> atPath = routes.getHandlerMethods().entrySet().stream()
                .filter(route -> route.getKey().getPathPatternsCondition() != null
                        && route.getKey().getPathPatternsCondition().getMatchingCondition(request) != null)
                .toList();
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> withMethod = atPath.stream()
                .filter(route -> route.getKey().getMethodsCondition().getMatchingCondition(request) != null)
                .toList();
        List<AuthorizationManager<RequestAuthorizationContext>> declarations = (withMethod.isEmpty()
                        ? atPath
                        : withMethod)
                .stream()
                        .map(route -> byHandler.computeIfAbsent(
                                route.getValue().getMethod(), method -> declared(route.getValue())))
                        .toList();
        return AuthorizationManagers.anyOf(REFUSED, declarations.toArray(AuthorizationManager[]::new));
    }

    /** Who may call {@code handler}, as declared on it or its controller; nobody where nothing is declared. */
    static AuthorizationManager<RequestAuthorizationContext> declared(HandlerMethod handler) {
        Callers callers = declaration(handler);
        if (callers == null) {
            return (authentication, context) -> REFUSED;
        }
        List<AuthorizationManager<RequestAuthorizationContext>> anyOf = new ArrayList<>();
        for (Caller caller : callers.value()) {
            anyOf.add(
                    switch (caller) {
                        case ANYONE -> (authentication, context) -> GRANTED;
                        case SIGNED_IN ->
                            (authentication, context) ->
                                    new AuthorizationDecision(authentication.get() instanceof TenantAuthentication);
                        case CUSTOMER, AGENT, ADMIN -> AuthorityAuthorizationManager.hasRole(caller.role());
                    });
        }
        Arrays.stream(callers.tokens())
                .map(scope -> AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
                        ApiTokenAuthentication.authority(scope).getAuthority()))
                .forEach(anyOf::add);
        return AuthorizationManagers.anyOf(REFUSED, anyOf.toArray(AuthorizationManager[]::new));
    }

    /** The handler method's declaration, or else its controller's. */
    static Callers declaration(HandlerMethod handler) {
        Callers onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Callers.class);
        return onMethod != null
                ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Callers.class);
    }

    /** The handler mapping matches on the parsed path, which the DispatcherServlet has not made yet. */
    private static HttpServletRequest parsed(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        return request;
    }
}
