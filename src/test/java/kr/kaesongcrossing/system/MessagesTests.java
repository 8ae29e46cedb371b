package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every key, with the same placeholders; every key a template names exists. */
class MessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void shouldHaveTheSameKeysInKoreanAndEnglish() throws IOException {
        Properties ko = load("messages_ko.properties");
        Properties en = load("messages_en.properties");

        assertThat(difference(ko, en)).as("keys in messages_ko.properties missing from messages_en.properties")
                .isEmpty();
        assertThat(difference(en, ko)).as("keys in messages_en.properties missing from messages_ko.properties")
                .isEmpty();
    }

    @Test
    void shouldHaveNonBlankValuesWithMatchingPlaceholders() throws IOException {
        Properties ko = load("messages_ko.properties");
        Properties en = load("messages_en.properties");
        for (String key : ko.stringPropertyNames()) {
            String k = ko.getProperty(key);
            String e = en.getProperty(key, "");
            assertThat(k).as("ko " + key).isNotBlank();
            assertThat(e).as("en " + key).isNotBlank();
            assertThat(placeholders(k)).as("placeholders of " + key).isEqualTo(placeholders(e));
            new MessageFormat(k);
            new MessageFormat(e);
        }
    }

    /**
     * Spring prints a message without arguments as written but formats one with arguments by MessageFormat: only the
     * latter needs an apostrophe doubled, and a lone one there swallows the placeholders after it.
     */
    @Test
    void shouldPrintApostrophesAndPlaceholders() throws IOException {
        for (String file : new String[] {"messages_ko.properties", "messages_en.properties"}) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (placeholders(text).isEmpty()) {
                    assertThat(text).as(file + " " + key + " has no arguments: write ' once").doesNotContain("''");
                } else {
                    Object[] ones = java.util.Collections.nCopies(20, (Object) 1).toArray();
                    assertThat(new MessageFormat(text).format(ones)).as(file + " " + key + " printed with arguments")
                            .doesNotContainPattern("\\{\\d");
                }
            }
        }
    }

    @Test
    void shouldDefineEveryKeyTheTemplatesUse() throws IOException {
        Properties ko = load("messages_ko.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!ko.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file + ")");
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in templates but not defined").isEmpty();
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys;
    }

    /** Read from the source tree, like the templates, so both sides are the files being edited. */
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
