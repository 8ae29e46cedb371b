package kr.kaesongcrossing.checkpoint;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Reads the QR code in a photo of a pass. Photos larger than {@link #MAX_PIXELS} are refused before decoding
 * (a small file can declare a huge image); large ones are scaled down to {@link #MAX_SIDE} first, then ZXing
 * tries hard, also turned a quarter and on inverted (light-on-dark) codes. Each attempt uses a fresh reader:
 * ZXing readers keep state.
 */
@Component
class QrPhotoDecoder {

    static final int MAX_SIDE = 1600;
    static final long MAX_PIXELS = 50_000_000L;

    /** Why a photo gave no token. */
    enum Failure {
        NOT_AN_IMAGE, TOO_LARGE, NO_CODE
    }

    /** The decoded text, or why there is none. */
    record Decoded(String text, Failure failure) {
    }

    Decoded decode(InputStream in) throws IOException {
        BufferedImage image;
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                return new Decoded(null, Failure.NOT_AN_IMAGE);
            }
            var readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return new Decoded(null, Failure.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    return new Decoded(null, Failure.TOO_LARGE);
                }
                image = reader.read(0);
            } catch (IOException | RuntimeException e) {
                return new Decoded(null, Failure.NOT_AN_IMAGE);
            } finally {
                reader.dispose();
            }
        }
        return read(downscale(image)).map(text -> new Decoded(text, null))
                .orElseGet(() -> new Decoded(null, Failure.NO_CODE));
    }

    private static Optional<String> read(BufferedImage image) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        LuminanceSource upright = new BufferedImageLuminanceSource(image);
        // ZXing's detector misses about one clean code in fifty (a finder-like pattern in the data) and reads the
        // same code turned a quarter; QRCodeReader ignores ALSO_INVERTED, so light-on-dark codes are inverted here.
        LuminanceSource turned = upright.rotateCounterClockwise();
        for (LuminanceSource source : List.of(upright, turned, upright.invert(), turned.invert())) {
            try {
                Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
                return Optional.of(result.getText());
            } catch (ReaderException notHere) {
                // try the next orientation
            }
        }
        return Optional.empty();
    }

    private static BufferedImage downscale(BufferedImage image) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= MAX_SIDE) {
            return image;
        }
        double scale = (double) MAX_SIDE / longest;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}
