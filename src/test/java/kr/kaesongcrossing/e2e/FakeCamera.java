package kr.kaesongcrossing.e2e;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a video for Chromium's fake camera ({@code --use-file-for-fake-video-capture=F.y4m}): 640x480 YUV4MPEG2,
 * 4:2:0, a few identical frames (Chromium loops the file) showing a picture in grey on white.
 */
public final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES = 5;
    private static final int PICTURE = 440;

    private FakeCamera() {
    }

    /** A video of a QR code (ZXing, level M) holding the given text. */
    public static Path qrVideo(String text, Path file) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            int scale = Math.max(1, PICTURE / matrix.getWidth());
            BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                    BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            return video(image, file);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }

    /**
     * A video showing an image (e.g. a pass's QR PNG as the holder's phone shows it), scaled by whole pixels
     * (nearest neighbour, so QR modules stay sharp) to fit, centred on white.
     */
    public static Path video(BufferedImage picture, Path file) {
        double fit = (HEIGHT - 20.0) / Math.max(picture.getWidth(), picture.getHeight());
        double factor = fit >= 1 ? Math.floor(fit) : fit;
        int shownWidth = (int) Math.floor(picture.getWidth() * factor);
        int shownHeight = (int) Math.floor(picture.getHeight() * factor);
        int left = (WIDTH - shownWidth) / 2;
        int top = (HEIGHT - shownHeight) / 2;
        byte[] luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) 255);
        for (int y = 0; y < shownHeight; y++) {
            for (int x = 0; x < shownWidth; x++) {
                int rgb = picture.getRGB(Math.min(picture.getWidth() - 1, x * picture.getWidth() / shownWidth),
                        Math.min(picture.getHeight() - 1, y * picture.getHeight() / shownHeight));
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                luma[(top + y) * WIDTH + left + x] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        Arrays.fill(chroma, (byte) 128);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int frame = 0; frame < FRAMES; frame++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
