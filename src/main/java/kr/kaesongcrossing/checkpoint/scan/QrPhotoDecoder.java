package kr.kaesongcrossing.checkpoint.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Reads the QR code in a photo of a pass. Only JPEG and PNG are read, told apart by their first bytes (the
 * client's content type is not trusted, and every other ImageIO format is one more parser to attack). The size is
 * read from the header and an absurd one refused before any pixel is decoded: a small file can declare a huge
 * image. Large photos are decoded subsampled, so the raster never exceeds {@link #DECODED_SIDE} on its long side
 * whatever the camera took: a QR code in a phone photo still has several pixels per module at that size. At most
 * {@link #CONCURRENT_DECODES} photos are decoded at once; the next waits briefly, then is told the station is
 * busy. ZXing tries hard, also turned a quarter and on inverted (light-on-dark) codes. Each attempt uses a fresh
 * reader: ZXing readers keep state.
 */
@Component
class QrPhotoDecoder {

    static final int DECODED_SIDE = 2000;
    static final int MAX_SIDE = 20_000;
    static final long MAX_PIXELS = 50_000_000L;
    static final int CONCURRENT_DECODES = 2;
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** Why a photo gave no token. */
    enum Failure {
        NOT_AN_IMAGE, TOO_LARGE, NO_CODE, BUSY
    }

    /** The decoded text, or why there is none. */
    record Decoded(String text, Failure failure) {

        static Decoded failed(Failure failure) {
            return new Decoded(null, failure);
        }
    }

    private final Semaphore decoding;
    private final Duration wait;

    QrPhotoDecoder() {
        this(CONCURRENT_DECODES, WAIT);
    }

    QrPhotoDecoder(int concurrentDecodes, Duration wait) {
        this.decoding = new Semaphore(concurrentDecodes);
        this.wait = wait;
    }

    Decoded decode(InputStream in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Optional<ImageReader> found = stream == null ? Optional.empty() : readerFor(stream);
            if (found.isEmpty()) {
                return Decoded.failed(Failure.NOT_AN_IMAGE);
            }
            ImageReader reader = found.get();
            try {
                reader.setInput(stream, true, true);
                return decode(reader);
            } catch (IOException | RuntimeException e) {
                return Decoded.failed(Failure.NOT_AN_IMAGE);
            } finally {
                reader.dispose();
            }
        }
    }

    private Decoded decode(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            return Decoded.failed(Failure.TOO_LARGE);
        }
        if (!enter()) {
            return Decoded.failed(Failure.BUSY);
        }
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (Math.max(width, height) + DECODED_SIDE - 1) / DECODED_SIDE;
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return read(pixels(reader, param)).map(text -> new Decoded(text, null))
                    .orElseGet(() -> Decoded.failed(Failure.NO_CODE));
        } finally {
            decoding.release();
        }
    }

    /** Decodes the pixels; a seam for tests that hold a decode in progress. */
    BufferedImage pixels(ImageReader reader, ImageReadParam param) throws IOException {
        return reader.read(0, param);
    }

    private boolean enter() {
        try {
            return decoding.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A JPEG or PNG reader when the stream starts like one of those, leaving the stream where it was. */
    private static Optional<ImageReader> readerFor(ImageInputStream stream) throws IOException {
        byte[] head = new byte[PNG.length];
        stream.mark();
        int read = 0;
        while (read < head.length) {
            int n = stream.read(head, read, head.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        stream.reset();
        String format = startsWith(head, read, JPEG) ? "jpeg" : startsWith(head, read, PNG) ? "png" : null;
        if (format == null) {
            return Optional.empty();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        return readers.hasNext() ? Optional.of(readers.next()) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
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
}
