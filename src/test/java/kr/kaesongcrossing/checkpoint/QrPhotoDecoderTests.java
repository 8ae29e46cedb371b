package kr.kaesongcrossing.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
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
            QrPhotoDecoder.Decoded decoded = decoder.decode(png(code(token, 900)));
            if (!token.equals(decoded.text())) {
                missed.add(i + ": " + decoded.failure());
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void shouldReadALightOnDarkCode() throws Exception {
        String token = tokenLike(new Random(2));
        BufferedImage image = code(token, 700);
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
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(0x8a8f96));
        g.fillRect(0, 0, 4000, 3000);
        g.drawImage(code(token, 1500), 1200, 700, null);
        g.dispose();
        assertThat(decoder.decode(png(photo)).text()).isEqualTo(token);
    }

    @Test
    void shouldSayWhyThereIsNoToken() throws Exception {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        assertThat(decoder.decode(png(blank)).failure()).isEqualTo(QrPhotoDecoder.Failure.NO_CODE);
        assertThat(decoder.decode(new ByteArrayInputStream("not a picture".getBytes())).failure())
                .isEqualTo(QrPhotoDecoder.Failure.NOT_AN_IMAGE);
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

    private static BufferedImage code(String text, int size) throws Exception {
        return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size));
    }

    private static ByteArrayInputStream png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
