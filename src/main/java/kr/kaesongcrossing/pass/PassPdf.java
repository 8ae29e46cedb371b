package kr.kaesongcrossing.pass;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import kr.kaesongcrossing.system.PdfDocuments;
import org.springframework.stereotype.Component;

/** The printable pass: the XHTML template {@code templates/pass/pdf.html} as a PDF (see {@link PdfDocuments}). */
@Component
class PassPdf {

    /** Printed at 55 mm, 4 pixels per module is crisp at print resolution and cheap to embed. */
    static final int QR_MODULE_PIXELS = 4;

    private final PdfDocuments documents;

    PassPdf(PdfDocuments documents) {
        this.documents = documents;
    }

    byte[] render(PassView pass, byte[] photoJpeg, Locale locale) {
        return documents.render("pass/pdf", Map.of(
                "pass", pass,
                "qr", pass.usable() ? dataUri("image/png", QrCodes.png(pass.token(), QR_MODULE_PIXELS)) : "",
                "photo", photoJpeg == null ? "" : dataUri("image/jpeg", photoJpeg)), locale);
    }

    private static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
