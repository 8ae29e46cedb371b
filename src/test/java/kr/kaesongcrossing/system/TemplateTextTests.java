package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No visible text is written into a template: text nodes and user-visible attributes (placeholder, title, alt,
 * aria-label, the value of buttons, ...) must come from messages through th:* attributes. Prototype text inside
 * an element whose content Thymeleaf replaces (th:text, th:utext, th:replace, ...) is fine.
 */
class TemplateTextTests {

    /** Text that may stand literally in a template (not translated): demo addresses shown on the login page. */
    private static final Set<String> ALLOWED_TEXT = Set.of("civilian@demo.test", "officer@demo.test",
            "checkpoint@demo.test", "supervisor@demo.test", "admin@demo.test", "coordinator@demo.test");
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:errors", "sec:authentication");
    private static final List<String> VISIBLE_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label",
            "aria-description", "aria-roledescription", "aria-valuetext", "label", "summary", "content");
    private static final Set<String> BUTTON_INPUTS = Set.of("submit", "button", "reset");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]");
    private static final Pattern STRING_LITERAL = Pattern.compile("'([^']*)'");
    /** {@code #temporals.format(t, 'yyyy-MM-dd HH:mm')}: a format, not text. */
    private static final Pattern DATE_TIME_PATTERN = Pattern.compile("[yMdHhmsSaEzZXGkKuw\\s.:/,\\-]+");
    /** A tag around a message argument (th:utext), e.g. '<span data-live=inside>': markup, not text. */
    private static final Pattern MARKUP = Pattern.compile("</?[a-z]+( [a-z-]+=[A-Za-z]+)*>");
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{[^}]*}");
    private static final List<String> EXPRESSION_ATTRIBUTES = List.of("th:text", "th:utext", "th:placeholder",
            "th:title", "th:alt", "th:aria-label", "th:value");

    @Test
    void shouldHaveNoLiteralVisibleTextInTemplates() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                check(file, problems);
            }
        }
        assertThat(problems).as("literal visible text: use #{...} messages in both languages").isEmpty();
    }

    @Test
    void shouldNoticeLiteralText() {
        List<String> problems = new ArrayList<>();
        check(Path.of("example.html"), Jsoup.parse("<p>Hello</p><span th:text=\"#{a}\">x</span>"
                + "<input type=\"submit\" value=\"Send\"><img alt=\"logo\"><b th:text=\"'Plain words'\">y</b>"
                + "<i th:text=\"${#temporals.format(t, 'yyyy-MM-dd HH:mm')}\">z</i>", "", Parser.htmlParser()), problems);
        assertThat(problems).hasSize(4);
    }

    private static void check(Path file, List<String> problems) {
        try {
            check(file, Jsoup.parse(Files.readString(file), "", Parser.htmlParser()), problems);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Path file, Document doc, List<String> problems) {
        for (Element element : doc.getAllElements()) {
            for (String attribute : EXPRESSION_ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    String expression = MESSAGE_EXPRESSION.matcher(element.attr(attribute)).replaceAll("");
                    var literal = STRING_LITERAL.matcher(expression);
                    while (literal.find()) {
                        if (DATE_TIME_PATTERN.matcher(literal.group(1)).matches()
                                || MARKUP.matcher(literal.group(1)).matches()) {
                            continue;
                        }
                        if (Pattern.compile("\\p{L}{2,}\\s+\\p{L}{2,}|^\\p{Lu}\\p{Ll}+$|[\\p{IsHangul}]")
                                .matcher(literal.group(1)).find()) {
                            problems.add(file + ": <" + element.tagName() + " " + attribute + "> literal '"
                                    + literal.group(1) + "'");
                        }
                    }
                }
            }
            if (isReplaced(element)) {
                continue;
            }
            for (TextNode text : element.textNodes()) {
                String visible = INLINE_EXPRESSION.matcher(text.text()).replaceAll("").strip();
                if (LETTER.matcher(visible).find() && !ALLOWED_TEXT.contains(visible)) {
                    problems.add(file + ": <" + element.tagName() + "> \"" + visible + "\"");
                }
            }
            for (String attribute : VISIBLE_ATTRIBUTES) {
                if (element.hasAttr(attribute) && !element.hasAttr("th:" + attribute)
                        && LETTER.matcher(element.attr(attribute)).find() && !isMetaTechnical(element)) {
                    problems.add(file + ": <" + element.tagName() + " " + attribute + "=\"" + element.attr(attribute) + "\">");
                }
            }
            if (element.hasAttr("value") && !element.hasAttr("th:value") && isButton(element) && LETTER.matcher(element.attr("value")).find()) {
                problems.add(file + ": <" + element.tagName() + " value=\"" + element.attr("value") + "\">");
            }
        }
    }

    /**
     * Thymeleaf replaces this element's content (or the element), so its prototype text never shows. A page's
     * {@code <html th:replace="~{fragments/layout :: layout(~{::title}, ~{::section})}">} does not count: its
     * title and section are what the layout shows.
     */
    private static boolean isReplaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.tagName().equals("html") || e.tagName().equals("#root")) {
                break;
            }
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
            String remove = e.attr("th:remove");
            if (remove.equals("all") || remove.equals("body")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isButton(Element element) {
        return element.tagName().equals("button")
                || (element.tagName().equals("input") && BUTTON_INPUTS.contains(element.attr("type")));
    }

    /** {@code <meta name="viewport" content="...">} and the like are not shown to people. */
    private static boolean isMetaTechnical(Element element) {
        return element.tagName().equals("meta") && !element.attr("name").equals("description");
    }
}
