package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.PdfDocuments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Per-operation cost of the pass hot paths: signing a token, verifying one (what {@link PassVerifier#read} does with
 * the in-memory key ring), rendering the QR PNG and rendering the printable PDF. Sample-time mode, so JMH reports the
 * median (p0.50) per operation. Run: {@code ./mvnw -B -Pbench test-compile exec:exec} (see docs/pass-token.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PassBenchmarks {

    private KeyRing ring;
    private PassContent content;
    private String token;
    private PassPdf pdf;
    private PassView view;
    private byte[] photo;

    @Setup
    public void setUp() throws JOSEException, IOException {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("kc-261127-Ab3x").generate();
        ring = KeyRing.of(key, List.of());
        LocalDate entry = LocalDate.now(OfficeTime.ZONE);
        Instant from = OfficeTime.startOfDay(entry);
        Instant until = OfficeTime.endOfDay(entry.plusDays(3));
        content = new PassContent(PassTokens.newPassId(), 42, "KC-2026-000042", 7, "김민준", "KIM MINJUN", from,
                until);
        token = PassTokens.sign(content, ring).compact();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        pdf = new PassPdf(new PdfDocuments(messages));
        view = new PassView(content.passId(), content.applicationReference(), content.holderNameKorean(),
                content.holderNameLatin(), OfficeTime.minutes(from), OfficeTime.lastValidMinute(until),
                OfficeTime.minutes(Instant.now()), PassStatus.ACTIVE, null, null, null, null, ring.activeKid(), token);
        photo = photo();
    }

    @Benchmark
    public String sign() {
        return PassTokens.sign(content, ring).compact();
    }

    @Benchmark
    public TokenReading verify() {
        return PassTokens.read(token, ring::verifier);
    }

    @Benchmark
    public byte[] qrPng() {
        return QrCodes.png(token);
    }

    @Benchmark
    public byte[] pdf() {
        return pdf.render(view, photo, Locale.KOREAN);
    }

    /** A 480x640 JPEG with some texture, about the size of a re-encoded ID photo. */
    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(480), random.nextInt(640), 20 + random.nextInt(80), 20 + random.nextInt(80));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
