package kr.kaesongcrossing.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.resilience.annotation.Retryable;

/**
 * Runs the annotated method (or every method of the annotated class) again when its transaction lost a write
 * conflict: a deadlock victim on one server, or, on a MariaDB Galera cluster, a commit that failed certification
 * because another node committed a change to the same rows first (Galera does not replicate row locks, so both
 * nodes passed their {@code SELECT ... FOR UPDATE}). The whole transaction runs again, up to 5 attempts in all,
 * 20 ms apart doubling to at most 400 ms, each delay with up to 15 ms of jitter so that the racers do not meet
 * again.
 *
 * <p>Only the outermost transaction is retried: the retry advice sits outside the transaction advice (Spring
 * places {@code @Retryable} before existing advisors), and {@link WriteConflicts} declines when the failure leaves
 * the method while a caller's transaction is still open (that caller's boundary retries, since the whole
 * transaction was rolled back). The unique keys still decide what may exist twice; the retry only lets the loser
 * see the winner's rows and answer from them. When every attempt lost, the last failure goes on (answered 503,
 * {@link DatabaseFailures}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(predicate = WriteConflicts.class, maxRetries = WriteConflicts.MAX_RETRIES, delay = 20, jitter = 15,
        multiplier = 2, maxDelay = 400)
public @interface RetryOnWriteConflict {
}
