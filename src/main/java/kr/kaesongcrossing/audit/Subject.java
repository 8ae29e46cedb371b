package kr.kaesongcrossing.audit;

/** What an action was done to: a type such as {@code account}, {@code application} or {@code pass}, and its id. */
public record Subject(String type, String id) {

    public static final Subject NONE = new Subject(null, null);

    public static Subject of(String type, Object id) {
        return new Subject(type, id == null ? null : id.toString());
    }
}
