package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesUnitTests {

    private final ProblemResponses problems = new ProblemResponses(JsonMapper.shared());

    @Test
    void aTokenThatCannotBeCheckedIsOurOutageNotTheCallersFault() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.tokenFailureHandler()
                .onAuthenticationFailure(
                        new MockHttpServletRequest(),
                        response,
                        new AuthenticationServiceException("Read timed out fetching the realm's keys"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString())
                .contains("identity-unavailable")
                .doesNotContain("Read timed out");
    }

    @Test
    void aBadTokenIsStillTheCallers401() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.tokenFailureHandler()
                .onAuthenticationFailure(
                        new MockHttpServletRequest(), response, new InvalidBearerTokenException("Jwt expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentAsString()).contains("unauthenticated");
    }
}
