package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What a person (and a screen reader) meets on a form with errors. */
public final class Forms {

    private Forms() {
    }

    /**
     * The error message shown for a field: in the field's own form group (next to it, not only at the top of the
     * page) and tied to the field ({@code aria-invalid}, {@code aria-describedby}) so a screen reader announces it.
     */
    public static String errorFor(Browser browser, String fieldId) {
        WebElement field = browser.find(By.id(fieldId));
        WebElement group = groupOf(browser, fieldId);
        List<WebElement> messages = group.findElements(By.cssSelector(".form-hint-invalid"));
        assertThat(messages).as("error message in the form group of #%s", fieldId).isNotEmpty();
        assertThat(field.getDomAttribute("aria-invalid")).as("aria-invalid of #%s", fieldId).isEqualTo("true");
        String describedBy = field.getDomAttribute("aria-describedby");
        assertThat(describedBy).as("aria-describedby of #%s", fieldId).isNotBlank();
        List<String> ids = Arrays.asList(describedBy.trim().split("\\s+"));
        assertThat(messages).as("the error of #%s is referenced by its aria-describedby %s", fieldId, ids)
                .anySatisfy(message -> assertThat(ids).contains(message.getDomAttribute("id")));
        return messages.get(0).getText();
    }

    /** True when the field shows no error. */
    public static boolean hasNoError(Browser browser, String fieldId) {
        return groupOf(browser, fieldId).findElements(By.cssSelector(".form-hint-invalid")).isEmpty()
                && !"true".equals(browser.find(By.id(fieldId)).getDomAttribute("aria-invalid"));
    }

    /** What the field holds now (kept after a refused submit). */
    public static String valueOf(Browser browser, String fieldId) {
        return browser.find(By.id(fieldId)).getDomProperty("value");
    }

    static WebElement groupOf(Browser browser, String fieldId) {
        return browser.find(By.xpath("//*[@id='" + fieldId + "']/ancestor::div[contains(@class,'form-group')][1]"));
    }
}
