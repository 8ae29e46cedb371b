package kr.kaesongcrossing.pass;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The printable pass: an XHTML template ({@code templates/pass/pdf.html}, XML mode) rendered by openhtmltopdf with
 * the Pretendard TrueType fonts embedded (subset), so Hangul prints the same everywhere.
 */
@Component
class PassPdf {

    static final String FONT_FAMILY = "Pretendard";
    /** Printed at 55 mm, 4 pixels per module is crisp at print resolution and cheap to embed. */
    static final int QR_MODULE_PIXELS = 4;
    private static final String FONT_DIR = "/fonts/";

    private final byte[] regular;
    private final byte[] bold;
    private final SpringTemplateEngine templates;
    private final String baseUri;
    private final Queue<Fonts> idleFonts = new ConcurrentLinkedQueue<>();

    PassPdf(MessageSource messages) {
        this.regular = resource(FONT_DIR + "Pretendard-Regular.ttf");
        this.bold = resource(FONT_DIR + "Pretendard-Bold.ttf");
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PassPdf.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.templates.setTemplateEngineMessageSource(messages);
        URL css = PassPdf.class.getResource("/pdf/pass.css");
        if (css == null) {
            throw new IllegalStateException("pdf/pass.css is missing from the classpath");
        }
        String cssUri = css.toExternalForm();
        this.baseUri = cssUri.substring(0, cssUri.lastIndexOf('/') + 1);
    }

    byte[] render(PassView pass, byte[] photoJpeg, Locale locale) {
        Context context = new Context(locale, Map.of(
                "pass", pass,
                "qr", pass.usable() ? dataUri("image/png", QrCodes.png(pass.token(), QR_MODULE_PIXELS)) : "",
                "photo", photoJpeg == null ? "" : dataUri("image/jpeg", photoJpeg)));
        String xhtml = templates.process("pass/pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Fonts fonts = Optional.ofNullable(idleFonts.poll()).orElseGet(this::parseFonts);
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.regular(), true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.bold(), true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, baseUri);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            idleFonts.offer(fonts);
        }
        return out.toByteArray();
    }

    /**
     * Parsing a 2.7 MB CJK font costs more than the rest of a PDF, so parsed fonts are kept and reused. A parsed
     * font is read lazily and must not be shared by two renders at once: each render takes a pair from the idle
     * queue (or parses one) and gives it back.
     */
    private Fonts parseFonts() {
        return new Fonts(parse(regular), parse(bold));
    }

    /**
     * Glyph substitution (GSUB: ligatures, contextual forms) is off: Hangul syllables and Latin names need none, and
     * PDFBox would otherwise run it, with regular expressions built per call, for every string drawn.
     */
    private static TrueTypeFont parse(byte[] font) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            ttf.setEnableGsub(false);
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {
    }

    private static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PassPdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
