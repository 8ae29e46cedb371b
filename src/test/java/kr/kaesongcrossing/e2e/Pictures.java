package kr.kaesongcrossing.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Images the journeys need: a traveller's photo to upload, and reading a QR code the way a scanner does. */
public final class Pictures {

    private Pictures() {
    }

    /** A passport-style PNG photo (a drawn face on a light background), written to a temporary file. */
    public static Path travellerPhotoPng(Path directory) {
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
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "traveller-", ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A phone-camera-like JPEG of a pass's QR code: the code enlarged, off-centre on a grey, unevenly lit
     * background, as an officer photographs a holder's phone screen.
     */
    public static Path photoOfQr(BufferedImage qr, Path directory) {
        BufferedImage photo = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        try {
            g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0x8A8F96), 1600, 1200, new Color(0xC9CDD2)));
            g.fillRect(0, 0, 1600, 1200);
            g.setColor(new Color(0x202226));
            g.fillRoundRect(470, 120, 700, 980, 60, 60);
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(4), 820, 600);
            g.drawImage(qr, 540, 270, 600, 600, null);
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "pass-photo-", ".jpg");
            ImageIO.write(photo, "jpg", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("not an image (" + png.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
