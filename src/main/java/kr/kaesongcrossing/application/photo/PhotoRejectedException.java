package kr.kaesongcrossing.application.photo;

/** The uploaded file is not an acceptable photo; {@code code} is the message key shown on the form. */
public class PhotoRejectedException extends Exception {

    private final String code;
    private final transient Object[] args;

    public PhotoRejectedException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
