package kr.kaesongcrossing.application.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kr.kaesongcrossing.system.Photos;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns an uploaded file into the traveller's stored photo: accepts JPEG or PNG by content (magic bytes, then
 * the image reader), refuses huge dimensions from the header before any pixel is decoded, applies the EXIF
 * orientation, scales into {@value #MAX_WIDTH}x{@value #MAX_HEIGHT} and re-encodes as a JPEG without metadata
 * ({@link Photos}, which also makes the thumbnails pages show).
 */
public class PhotoProcessor {

    static final int MAX_WIDTH = 600;
    static final int MAX_HEIGHT = 800;
    static final int MAX_SIDE = 8000;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MIN_SIDE = 100;

    /** The re-encoded photo. */
    public record Photo(byte[] jpeg, int width, int height) {
    }

    private final long maxBytes;

    public PhotoProcessor(long maxBytes) {
        this.maxBytes = maxBytes;
        ImageIO.setUseCache(false);
    }

    /**
     * A photo field of a form: the uploaded file re-encoded, or null when none was chosen or it was refused (then
     * an error on the field {@code photo}). The size is checked before the file is read.
     */
    public Photo upload(MultipartFile file, Errors errors) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            if (file.getSize() > maxBytes) {
                throw new PhotoRejectedException("application.error.photo.tooLarge", maxBytes / (1024 * 1024));
            }
            return process(file.getBytes());
        } catch (PhotoRejectedException e) {
            errors.rejectValue("photo", e.code(), e.args(), null);
        } catch (IOException e) {
            errors.rejectValue("photo", "application.error.photo.unreadable");
        }
        return null;
    }

    public Photo process(byte[] upload) throws PhotoRejectedException {
        if (upload == null || upload.length == 0) {
            throw new PhotoRejectedException("application.error.photo.empty");
        }
        if (upload.length > maxBytes) {
            throw new PhotoRejectedException("application.error.photo.tooLarge", maxBytes / (1024 * 1024));
        }
        String format = formatOf(upload);
        if (format == null) {
            throw new PhotoRejectedException("application.error.photo.type");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(format);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw new PhotoRejectedException("application.error.photo.dimensions", String.valueOf(MAX_SIDE),
                            String.valueOf(MAX_SIDE));
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw new PhotoRejectedException("application.error.photo.tooSmall", String.valueOf(MIN_SIDE));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width / (2 * MAX_WIDTH), height / (2 * MAX_HEIGHT)));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage decoded = reader.read(0, param);
                int orientation = "jpeg".equals(format) ? ExifOrientation.read(upload) : 1;
                BufferedImage scaled = Photos.scale(orient(decoded, orientation), MAX_WIDTH, MAX_HEIGHT);
                return new Photo(Photos.jpeg(scaled), scaled.getWidth(), scaled.getHeight());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new PhotoRejectedException("application.error.photo.unreadable");
        }
    }

    /** "jpeg", "png" or null, from the first bytes of the file. */
    public static String formatOf(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (data.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (data[i] != png[i]) {
                    return null;
                }
            }
            return "png";
        }
        return null;
    }

    private static ImageReader readerFor(String format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + format);
        }
        return readers.next();
    }

    private static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
