package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import kr.kaesongcrossing.TestImages;
import org.junit.jupiter.api.Test;

class QrPhotoDecoderTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    final QrPhotoDecoder decoder = new QrPhotoDecoder();

    @Test
    void shouldReadEveryCleanCodeOfATokensLength() throws Exception {
        Random random = new Random(1); // this seed makes codes that ZXing misses unless turned a quarter
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String token = tokenLike(random);
            QrPhotoDecoder.Decoded decoded = decoder.decode(png(TestImages.qr(token, 900)));
            if (!token.equals(decoded.text())) {
                missed.add(i + ": " + decoded.failure());
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void shouldReadALightOnDarkCode() throws Exception {
        String token = tokenLike(new Random(2));
        BufferedImage image = TestImages.qr(token, 700);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, ~image.getRGB(x, y) | 0xFF000000);
            }
        }
        assertThat(decoder.decode(png(image)).text()).isEqualTo(token);
    }

    @Test
    void shouldReadACodeInALargePhoto() throws Exception {
        String token = tokenLike(new Random(3));
        BufferedImage photo = TestImages.onGrey(TestImages.qr(token, 1500), 4000, 3000, 1200, 700);
        assertThat(decoder.decode(png(photo)).text()).isEqualTo(token);
    }

    @Test
    void shouldSayWhyThereIsNoToken() throws Exception {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        assertThat(decoder.decode(png(blank)).failure()).isEqualTo(QrPhotoDecoder.Failure.NO_CODE);
        assertThat(decoder.decode(new ByteArrayInputStream("not a picture".getBytes())).failure())
                .isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
    }

    @Test
    void shouldDecodeALargeJpegSubsampled() throws Exception {
        String token = tokenLike(new Random(4));
        List<Integer> decodedSides = new ArrayList<>();
        QrPhotoDecoder watched = new QrPhotoDecoder() {
            @Override
            BufferedImage pixels(ImageReader reader, ImageReadParam param) throws IOException {
                BufferedImage image = super.pixels(reader, param);
                decodedSides.add(Math.max(image.getWidth(), image.getHeight()));
                return image;
            }
        };
        BufferedImage photo = TestImages.onGrey(TestImages.qr(token, 1800), 6000, 4500, 2000, 1200);
        assertThat(watched.decode(jpeg(photo)).text()).isEqualTo(token);
        assertThat(decodedSides).singleElement().satisfies(side -> assertThat(side)
                .isLessThanOrEqualTo(QrPhotoDecoder.DECODED_SIDE));
    }

    @Test
    void shouldRefuseAnAbsurdSizeBeforeDecodingAPixel() throws Exception {
        AtomicInteger decodes = new AtomicInteger();
        QrPhotoDecoder watched = new QrPhotoDecoder() {
            @Override
            BufferedImage pixels(ImageReader reader, ImageReadParam param) throws IOException {
                decodes.incrementAndGet();
                return super.pixels(reader, param);
            }
        };
        assertThat(watched.decode(new ByteArrayInputStream(TestImages.pngClaiming(60_000, 60_000))).failure())
                .isEqualTo(QrPhotoDecoder.Failure.TOO_LARGE);
        assertThat(watched.decode(new ByteArrayInputStream(TestImages.pngClaiming(30_000, 10))).failure())
                .isEqualTo(QrPhotoDecoder.Failure.TOO_LARGE);
        assertThat(watched.decode(new ByteArrayInputStream(TestImages.jpegClaiming(65_000, 65_000))).failure())
                .isEqualTo(QrPhotoDecoder.Failure.TOO_LARGE);
        assertThat(decodes).hasValue(0);
    }

    @Test
    void shouldReadOnlyJpegAndPngWhateverImageIoCouldRead() throws Exception {
        String token = tokenLike(new Random(5));
        BufferedImage image = TestImages.qr(token, 700);
        assertThat(decoder.decode(encoded(image, "tiff")).failure()).isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
        assertThat(decoder.decode(encoded(image, "gif")).failure()).isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
        assertThat(decoder.decode(encoded(image, "bmp")).failure()).isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
        assertThat(decoder.decode(jpeg(image)).text()).isEqualTo(token);
        byte[] truncated = TestImages.png(300, 300);
        assertThat(decoder.decode(new ByteArrayInputStream(Arrays.copyOf(truncated, 40))).failure())
                .isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
        assertThat(decoder.decode(new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8})).failure())
                .isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
    }

    @Test
    void shouldTellTheThirdConcurrentDecodeThatTheStationIsBusy() throws Exception {
        CountDownLatch twoDecoding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        QrPhotoDecoder held = new QrPhotoDecoder(2, Duration.ZERO) {
            @Override
            BufferedImage pixels(ImageReader reader, ImageReadParam param) throws IOException {
                twoDecoding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.pixels(reader, param);
            }
        };
        String token = tokenLike(new Random(6));
        byte[] png = png(TestImages.qr(token, 600)).readAllBytes();
        ExecutorService officers = Executors.newFixedThreadPool(2);
        List<CompletableFuture<QrPhotoDecoder.Decoded>> first = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                first.add(CompletableFuture.supplyAsync(() -> decodeQuietly(held, png), officers));
            }
            assertThat(twoDecoding.await(30, TimeUnit.SECONDS)).as("two decodes started").isTrue();
            assertThat(held.decode(new ByteArrayInputStream(png)).failure()).isEqualTo(QrPhotoDecoder.Failure.BUSY);
        } finally {
            release.countDown();
            officers.shutdown();
        }
        for (CompletableFuture<QrPhotoDecoder.Decoded> decode : first) {
            assertThat(decode.get(30, TimeUnit.SECONDS).text()).isEqualTo(token);
        }
        // the permits came back: a later photo is read (the seam no longer waits, the latch is open)
        assertThat(held.decode(new ByteArrayInputStream(png)).text()).isEqualTo(token);
    }

    @Test
    void shouldHaveASentenceForEveryFailureInBothLanguages() throws Exception {
        // the station shows "checkpoint.photo." + failure, a key the template check cannot see
        for (String language : List.of("ko", "en")) {
            Properties messages = new Properties();
            try (var in = getClass().getResourceAsStream("/messages_" + language + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (QrPhotoDecoder.Failure failure : QrPhotoDecoder.Failure.values()) {
                assertThat(messages.getProperty("checkpoint.photo." + failure)).as(language + " " + failure)
                        .isNotBlank();
            }
        }
    }

    private static QrPhotoDecoder.Decoded decodeQuietly(QrPhotoDecoder decoder, byte[] image) {
        try {
            return decoder.decode(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tokenLike(Random random) {
        StringBuilder token = new StringBuilder("eyJ");
        for (int i = 0; i < 330; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            if (i == 40 || i == 240) {
                token.append('.');
            }
        }
        return token.toString();
    }

    private static ByteArrayInputStream png(BufferedImage image) {
        return new ByteArrayInputStream(TestImages.write(image, "png"));
    }

    private static ByteArrayInputStream jpeg(BufferedImage image) {
        return encoded(image, "jpeg");
    }

    private static ByteArrayInputStream encoded(BufferedImage image, String format) {
        return new ByteArrayInputStream(TestImages.asRgb(image, format));
    }
}
