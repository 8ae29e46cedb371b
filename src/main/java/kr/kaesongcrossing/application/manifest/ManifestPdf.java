package kr.kaesongcrossing.application.manifest;

import java.util.Locale;
import java.util.Map;
import kr.kaesongcrossing.system.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A manifest version as a bilingual PDF ({@code templates/manifest/pdf.html}): every label in Korean with its
 * English below, the same fonts as the pass, the version and when it was recorded (KST) on every page.
 */
@Component
class ManifestPdf {

    private final PdfDocuments documents;
    private final MessageSource messages;

    ManifestPdf(PdfDocuments documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    byte[] render(ManifestVersion version) {
        return documents.render("manifest/pdf", Map.of("v", version, "m", version.manifest(),
                "en", new English(messages)), Locale.KOREAN);
    }

    /** The English of a label, next to the page's Korean. */
    public record English(MessageSource messages) {

        public String get(String key, Object... args) {
            return messages.getMessage(key, args, Locale.ENGLISH);
        }
    }
}
