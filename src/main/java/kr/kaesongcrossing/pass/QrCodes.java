package kr.kaesongcrossing.pass;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Renders a token as a QR code PNG: error correction M, each module a whole square of {@link #MODULE_PIXELS}
 * pixels, a quiet zone of {@link #QUIET_ZONE} modules, 1-bit greyscale black on white (crisp when printed or scaled
 * by an integer factor). The PNG is written directly (one IDAT chunk), which is several times faster than ImageIO.
 */
final class QrCodes {

    static final int MODULE_PIXELS = 8;
    static final int QUIET_ZONE = 4;
    static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

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

    /** Width and height in pixels of {@link #png(String)} for {@code text}. */
    static int pngSize(String text) {
        return (encode(text).getMatrix().getWidth() + 2 * QUIET_ZONE) * MODULE_PIXELS;
    }

    static byte[] png(String text) {
        return png(text, MODULE_PIXELS);
    }

    static byte[] png(String text, int modulePixels) {
        ByteMatrix matrix = encode(text).getMatrix();
        int size = (matrix.getWidth() + 2 * QUIET_ZONE) * modulePixels;
        int stride = (size + 7) / 8;
        // Scanlines: a filter byte (0 = none) and 1 bit per pixel, most significant first, 1 = white.
        byte[] raw = new byte[(stride + 1) * size];
        byte[] row = new byte[stride + 1];
        for (int y = -QUIET_ZONE; y < matrix.getHeight() + QUIET_ZONE; y++) {
            Arrays.fill(row, (byte) 0xFF);
            row[0] = 0;
            if (y >= 0 && y < matrix.getHeight()) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y) == 1) {
                        int from = (x + QUIET_ZONE) * modulePixels;
                        for (int px = from; px < from + modulePixels; px++) {
                            row[1 + (px >> 3)] &= (byte) ~(0x80 >> (px & 7));
                        }
                    }
                }
            }
            int top = (y + QUIET_ZONE) * modulePixels;
            for (int py = top; py < top + modulePixels; py++) {
                System.arraycopy(row, 0, raw, py * (stride + 1), stride + 1);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
        png.writeBytes(PNG_SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, size);
        putInt(header, 4, size);
        header[8] = 1;
        chunk(png, "IHDR", header, header.length);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] compressed = new byte[raw.length / 4 + 1024];
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            chunk(png, "IDAT", compressed, length);
        } finally {
            deflater.end();
        }
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        png.write(head, 0, 8);
        png.write(data, 0, length);
        png.write(tail, 0, 4);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
