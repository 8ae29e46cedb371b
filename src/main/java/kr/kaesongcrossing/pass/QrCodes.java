package kr.kaesongcrossing.pass;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a token as a QR code PNG: error correction M, each module a whole square of {@link #MODULE_PIXELS}
 * pixels, a quiet zone of {@link #QUIET_ZONE} modules, 1-bit black on white (crisp when printed or scaled by an
 * integer factor).
 */
final class QrCodes {

    static final int MODULE_PIXELS = 8;
    static final int QUIET_ZONE = 4;
    static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;

    private QrCodes() {
    }

    static QRCode encode(String text) {
        try {
            return Encoder.encode(text, ERROR_CORRECTION);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text does not fit a QR code", e);
        }
    }

    /** The QR version (1..40) that {@code text} needs at error correction M. */
    static int version(String text) {
        return encode(text).getVersion().getVersionNumber();
    }

    static byte[] png(String text) {
        return png(text, MODULE_PIXELS);
    }

    static byte[] png(String text, int modulePixels) {
        ByteMatrix matrix = encode(text).getMatrix();
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        int size = modules * modulePixels;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (size + 7) / 8;
        Arrays.fill(pixels, (byte) 0xFF);
        byte[] row = new byte[stride];
        for (int y = 0; y < matrix.getHeight(); y++) {
            Arrays.fill(row, (byte) 0xFF);
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    int from = (x + QUIET_ZONE) * modulePixels;
                    for (int px = from; px < from + modulePixels; px++) {
                        row[px >> 3] &= (byte) ~(0x80 >> (px & 7));
                    }
                }
            }
            int top = (y + QUIET_ZONE) * modulePixels;
            for (int py = top; py < top + modulePixels; py++) {
                System.arraycopy(row, 0, pixels, py * stride, stride);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
