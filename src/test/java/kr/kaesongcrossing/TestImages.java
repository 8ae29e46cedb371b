package kr.kaesongcrossing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for upload and scan tests, made on the fly: one method per kind of picture. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A PNG whose header claims {@code width} x {@code height} (a decompression bomb): valid IHDR, tiny body. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A real small JPEG whose frame header is rewritten to claim {@code width} x {@code height}. */
    public static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(200, 200);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF marker");
    }

    /** A JPEG carrying an EXIF block with the given orientation and some text that must not survive. */
    public static byte[] jpegWithExif(int width, int height, int orientation, String secret) {
        byte[] jpeg = jpeg(width, height);
        byte[] text = secret.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 * 2 + 4 + text.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 24 + 4);
        tiff.putInt(0).put(text);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A small passport-style JPEG (90 x 120, a dark face on a light background), as a pass holder's photo. */
    public static byte[] portraitJpeg() {
        BufferedImage image = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 210, 230));
        g.fillRect(0, 0, 90, 120);
        g.setColor(new Color(60, 60, 80));
        g.fillOval(25, 20, 40, 50);
        g.dispose();
        return write(image, "jpeg");
    }

    /** A traveller's photo as a PNG (600 x 800, a drawn face and shoulders), for the application form. */
    public static byte[] travellerPng() {
        BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xE8EEF5));
            g.fillRect(0, 0, 600, 800);
            g.setColor(new Color(0x2F3B4C));
            g.fillRoundRect(150, 520, 300, 320, 120, 120);
            g.setColor(new Color(0xE0B99A));
            g.fillOval(190, 180, 220, 280);
            g.setColor(new Color(0x1E1E1E));
            g.fillArc(180, 150, 240, 160, 0, 180);
            g.fillOval(245, 290, 24, 16);
            g.fillOval(331, 290, 24, 16);
            g.setColor(new Color(0xA0524B));
            g.fillArc(255, 370, 90, 40, 180, 180);
        } finally {
            g.dispose();
        }
        return write(image, "png");
    }

    /** A clean QR code of {@code size} x {@code size} pixels (ZXing's one-bit image, quiet zone included). */
    public static BufferedImage qr(String text, int size) {
        try {
            return MatrixToImageWriter.toBufferedImage(
                    new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }

    /** A {@code width} x {@code height} grey surface with {@code code} lying upright at ({@code x}, {@code y}). */
    public static BufferedImage onGrey(BufferedImage code, int width, int height, int x, int y) {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(0x8a8f96));
        g.fillRect(0, 0, width, height);
        g.drawImage(code, x, y, null);
        g.dispose();
        return photo;
    }

    /**
     * A phone-camera-like JPEG (1600 x 1200) of a pass's QR code: the code enlarged, slightly turned and
     * off-centre on a phone, on an unevenly lit grey background, as an officer photographs a holder's screen.
     */
    public static byte[] photoOfQrJpeg(BufferedImage qr) {
        BufferedImage photo = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(0x8A8F96), 1600, 1200, new Color(0xC9CDD2)));
            g.fillRect(0, 0, 1600, 1200);
            g.setColor(new Color(0x202226));
            g.fillRoundRect(470, 120, 700, 980, 60, 60);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(4), 820, 600);
            g.drawImage(qr, 540, 270, 600, 600, null);
        } finally {
            g.dispose();
        }
        return write(photo, "jpeg");
    }

    /** The image copied to RGB and written as {@code format} (JPEG, GIF and BMP writers refuse one-bit images). */
    public static byte[] asRgb(BufferedImage image, String format) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return write(rgb, format);
    }

    /** The image written as {@code format}; fails if ImageIO has no writer for this image in that format. */
    public static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new AssertionError("ImageIO writes " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded image; fails if the bytes are not an image ImageIO reads. */
    public static BufferedImage read(byte[] image) {
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
            if (read == null) {
                throw new AssertionError("not an image (" + image.length + " bytes)");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x33, 0x66, 0x99, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
        g.dispose();
        return image;
    }

    /** Appends a PNG chunk with its length and CRC. */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
