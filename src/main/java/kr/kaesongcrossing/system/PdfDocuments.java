package kr.kaesongcrossing.system;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
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
 * Printable documents (the pass, a slot's manifest): an XHTML template ({@code templates/<name>.html}, XML mode, its
 * style sheets beside it in {@code pdf/}) rendered by openhtmltopdf with the Pretendard TrueType fonts embedded
 * (subset), so Hangul prints the same everywhere and stays extractable text.
 */
@Component
public class PdfDocuments {

    public static final String FONT_FAMILY = "Pretendard";
    private static final String FONT_DIR = "/fonts/";

    private final byte[] regular;
    private final byte[] bold;
    private final SpringTemplateEngine templates;
    private final String baseUri;
    private final Queue<Fonts> idleFonts = new ConcurrentLinkedQueue<>();

    public PdfDocuments(MessageSource messages) {
        this.regular = resource(FONT_DIR + "Pretendard-Regular.ttf");
        this.bold = resource(FONT_DIR + "Pretendard-Bold.ttf");
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfDocuments.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.templates.setTemplateEngineMessageSource(messages);
        URL css = PdfDocuments.class.getResource("/pdf/pass.css");
        if (css == null) {
            throw new IllegalStateException("pdf/pass.css is missing from the classpath");
        }
        String cssUri = css.toExternalForm();
        this.baseUri = cssUri.substring(0, cssUri.lastIndexOf('/') + 1);
    }

    /** The PDF of {@code template} with {@code variables}, its messages in {@code locale}. */
    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        String xhtml = templates.process(template, new Context(locale, variables));
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

    private static byte[] resource(String path) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
