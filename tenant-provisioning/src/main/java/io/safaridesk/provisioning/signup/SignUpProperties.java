package io.safaridesk.provisioning.signup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-up settings ({@code safaridesk.signup}).
 *
 * @param codeSecret keys the stored hashes of emailed codes
 * @param codeValidity how long an emailed code is valid
 * @param maxAttempts wrong guesses allowed per code
 * @param resendInterval least time between two codes
 * @param maxSendsPerHour most codes sent to one sign-up within an hour
 */
@ConfigurationProperties("safaridesk.signup")
record SignUpProperties(
        String codeSecret, Duration codeValidity, int maxAttempts, Duration resendInterval, int maxSendsPerHour) {}
