package kr.kaesongcrossing.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Travellers' photos as the pages show them: a stored photo scaled into a thumbnail, so that looking at an
 * application or a pass does not hand out the full-size copy (staff download that on purpose, audited). Also the
 * scaling and JPEG encoding the upload uses.
 */
public final class Photos {

    /** What a page shows (180 px wide, sharp on a 1.3x screen); the stored size is a download of its own. */
    public static final int THUMBNAIL_WIDTH = 240;
    public static final int THUMBNAIL_HEIGHT = 320;
    private static final float QUALITY = 0.85f;

    private Photos() {
    }

    /** A stored photo within {@value #THUMBNAIL_WIDTH}x{@value #THUMBNAIL_HEIGHT}. */
    public static byte[] thumbnail(byte[] storedJpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(storedJpeg));
            if (image == null) {
                throw new IllegalStateException("stored photo is not a readable JPEG");
            }
            return jpeg(scale(image, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fits the image into maxWidth x maxHeight (never enlarges) on a white background (PNG alpha). */
    public static BufferedImage scale(BufferedImage image, int maxWidth, int maxHeight) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, Math.min((double) maxWidth / w, (double) maxHeight / h));
        BufferedImage current = image;
        int cw = w;
        int ch = h;
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        // Halve step by step first: one big bilinear step loses detail.
        do {
            int nw = Math.max(tw, cw / 2);
            int nh = Math.max(th, ch / 2);
            if (current != image && nw == cw && nh == ch) {
                break;
            }
            BufferedImage next = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, nw, nh);
                g.drawImage(current, 0, 0, nw, nh, null);
            } finally {
                g.dispose();
            }
            current = next;
            cw = nw;
            ch = nh;
        } while (cw != tw || ch != th);
        return current;
    }

    /** The image as a JPEG without metadata. */
    public static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
