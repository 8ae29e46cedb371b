package kr.kaesongcrossing.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Turns on Spring's {@code @Retryable} advice, which {@link RetryOnWriteConflict} uses. */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class WriteRetries {
}
