package kr.kaesongcrossing.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a handler goes back to when the change it asked for is refused ({@link Refusal}) or lost a race with
 * someone else's: {@link RefusalAdvice} redirects there with the reason as the "problem" flash message.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OnRefusal {

    /** The path to go back to; a {@code {name}} in it is the handler's path variable of that name. */
    String value();

    /** Request parameters the page needs again (e.g. the list's date), passed on when they were sent. */
    String[] keep() default {};
}
