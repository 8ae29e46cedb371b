package kr.kaesongcrossing.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * A failure in an asynchronous listener (e.g. a mail the SMTP server refused; its event publication stays incomplete
 * and is retried) is logged as one line, not with Spring's default stack trace: logs carry no stack traces.
 */
@Configuration
class AsyncFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncFailures.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, method, params) -> log.warn("{}.{} failed: {}", method.getDeclaringClass().getSimpleName(),
                method.getName(), failure.toString());
    }
}
