package kr.kaesongcrossing.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a journey's screenshots ({@code <name>-<NN>-<step>.png}); defaults to the test method's name. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface JourneyName {
    String value();
}
