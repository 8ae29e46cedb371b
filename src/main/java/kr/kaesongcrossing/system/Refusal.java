package kr.kaesongcrossing.system;

import org.springframework.context.MessageSourceResolvable;

/**
 * A change the rules refused; nothing was changed. It names the message that tells the person why (its arguments
 * may themselves be {@link MessageSourceResolvable}, e.g. a status shown in the reader's language), so one
 * {@link RefusalAdvice} can show every module's refusals on the page named by the handler's {@link OnRefusal}.
 */
public abstract class Refusal extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final transient Object[] arguments;

    /** {@code message} is for logs; {@code code} and {@code arguments} make the sentence the person reads. */
    protected Refusal(String message, String code, Object... arguments) {
        super(message);
        this.code = code;
        this.arguments = arguments;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }
}
