package kr.kaesongcrossing.application;

/** The uploaded file is not an acceptable photo; {@code code} is the message key shown on the form. */
class PhotoRejectedException extends Exception {

    private final String code;
    private final transient Object[] args;

    PhotoRejectedException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args;
    }
}
