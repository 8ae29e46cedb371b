package kr.kaesongcrossing.application.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.application.model.DemoApplications;
import org.junit.jupiter.api.Test;

class PhotoProcessorTests {

    static final long FIVE_MB = 5L * 1024 * 1024;
    final PhotoProcessor processor = new PhotoProcessor(FIVE_MB);

    @Test
    void shouldReencodeAJpegAsABoundedJpeg() throws Exception {
        PhotoProcessor.Photo photo = processor.process(TestImages.jpeg(1600, 2400));

        assertThat(PhotoProcessor.formatOf(photo.jpeg())).isEqualTo("jpeg");
        assertThat(photo.width()).isEqualTo(533);
        assertThat(photo.height()).isEqualTo(800);
        BufferedImage stored = TestImages.read(photo.jpeg());
        assertThat(stored.getWidth()).isEqualTo(533);
    }

    @Test
    void shouldTurnAPngIntoAJpegWithoutEnlargingIt() throws Exception {
        PhotoProcessor.Photo photo = processor.process(TestImages.png(300, 400));

        assertThat(PhotoProcessor.formatOf(photo.jpeg())).isEqualTo("jpeg");
        assertThat(photo.width()).isEqualTo(300);
        assertThat(photo.height()).isEqualTo(400);
        assertThat(TestImages.read(photo.jpeg()).getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void shouldStripMetadataButApplyTheExifOrientation() throws Exception {
        byte[] upload = TestImages.jpegWithExif(400, 200, 6, "GPS 37.95N 126.67E");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS 37.95N");

        PhotoProcessor.Photo photo = processor.process(upload);

        String stored = new String(photo.jpeg(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Exif").doesNotContain("GPS 37.95N");
        assertThat(photo.width()).isEqualTo(200);
        assertThat(photo.height()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAFileThatIsNotAnImageWhateverItsName() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = "%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);

        for (byte[] file : new byte[][] {gif, pdf, html}) {
            assertThatThrownBy(() -> processor.process(file)).isInstanceOfSatisfying(PhotoRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo("application.error.photo.type"));
        }
    }

    @Test
    void shouldRefuseAFileWithImageMagicBytesButBrokenContent() {
        byte[] fake = new byte[2048];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;

        assertThatThrownBy(() -> processor.process(fake)).isInstanceOfSatisfying(PhotoRejectedException.class,
                e -> assertThat(e.code()).isEqualTo("application.error.photo.unreadable"));
    }

    @Test
    void shouldRefuseFilesOverTheSizeLimit() {
        byte[] big = new byte[(int) FIVE_MB + 1];
        System.arraycopy(TestImages.jpeg(200, 200), 0, big, 0, 100);

        assertThatThrownBy(() -> processor.process(big)).isInstanceOfSatisfying(PhotoRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo("application.error.photo.tooLarge");
            assertThat(e.args()).containsExactly(5L);
        });
    }

    @Test
    void shouldRefuseHugeDimensionsFromTheHeaderWithoutDecoding() {
        byte[] pngBomb = TestImages.pngClaiming(50_000, 50_000);
        byte[] jpegBomb = TestImages.jpegClaiming(30_000, 30_000);
        assertThat(pngBomb.length).isLessThan(100);

        long started = System.nanoTime();
        for (byte[] bomb : new byte[][] {pngBomb, jpegBomb}) {
            assertThatThrownBy(() -> processor.process(bomb)).isInstanceOfSatisfying(PhotoRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo("application.error.photo.dimensions"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseTinyImages() {
        assertThatThrownBy(() -> processor.process(TestImages.png(50, 60)))
                .isInstanceOfSatisfying(PhotoRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("application.error.photo.tooSmall"));
    }

    @Test
    void shouldMakeAValidDemoPhoto() {
        PhotoProcessor.Photo photo = DemoApplications.demoPhoto();

        assertThat(PhotoProcessor.formatOf(photo.jpeg())).isEqualTo("jpeg");
        assertThat(photo.width()).isEqualTo(300);
    }
}
