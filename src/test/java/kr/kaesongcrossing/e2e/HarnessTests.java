package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import kr.kaesongcrossing.QrScan;
import kr.kaesongcrossing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: its checks find real problems, and the fake camera shows what the test painted. */
@BrowserTest
class HarnessTests {

    @Test
    void shouldReportSeriousAccessibilityViolations(Journey journey) {
        Browser browser = journey.browser("probe", Viewport.DESKTOP);
        browser.open("/login");
        assertThat(Axe.check(browser.driver()).stream().filter(Axe.Violation::blocking)).isEmpty();

        browser.driver().executeScript("""
                const input = document.createElement('input');
                input.type = 'text';
                document.querySelector('main').append(input);
                """);

        List<Axe.Violation> violations = Axe.check(browser.driver());
        assertThat(violations).filteredOn(Axe.Violation::blocking).extracting(Axe.Violation::id).contains("label");
        assertThat(violations.get(0).describe()).contains("[critical] label", "element input[type=\"text\"]");
    }

    @Test
    void shouldNoticeSidewaysScrollingOnAPhone(Journey journey) {
        Browser phone = journey.browser("phone", Viewport.PHONE);
        phone.open("/login");
        assertThat(phone.innerWidth()).isEqualTo(390);
        assertThat(phone.sidewaysScroll()).isEmpty();

        phone.driver().executeScript("""
                const wide = document.createElement('pre');
                wide.className = 'too-wide';
                wide.textContent = 'x'.repeat(200);
                document.querySelector('main').append(wide);
                """);

        assertThat(phone.sidewaysScroll()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("scrollWidth", "> innerWidth 390", "pre.too-wide"));
    }

    @Test
    void shouldFeedTheFakeCameraWithAQrCode(Journey journey, @TempDir Path temp) {
        Path video = FakeCamera.qrVideo("KC-FAKE-CAMERA-CHECK-0123456789", temp.resolve("qr.y4m"));
        Browser tablet = journey.browserWithCamera("camera", Viewport.TABLET, video);
        tablet.open("/login");

        String dataUrl = (String) tablet.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.mediaDevices.getUserMedia({video: true}).then(stream => {
                  const video = document.createElement('video');
                  video.muted = true;
                  video.srcObject = stream;
                  video.onloadeddata = () => {
                    const canvas = document.createElement('canvas');
                    canvas.width = video.videoWidth;
                    canvas.height = video.videoHeight;
                    canvas.getContext('2d').drawImage(video, 0, 0);
                    stream.getTracks().forEach(t => t.stop());
                    done(canvas.toDataURL('image/png'));
                  };
                  video.play();
                }).catch(e => done('error: ' + e));
                """);

        assertThat(dataUrl).startsWith("data:image/png;base64,");
        BufferedImage frame = TestImages.read(Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1)));
        assertThat(frame.getWidth()).isEqualTo(640);
        assertThat(QrScan.read(frame)).isEqualTo("KC-FAKE-CAMERA-CHECK-0123456789");
    }
}
