package kr.kaesongcrossing.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.kaesongcrossing.TestImages;

/** Files the journeys upload through the browser: {@link TestImages} pictures written to temporary files. */
public final class Pictures {

    private Pictures() {
    }

    /** A traveller's passport-style PNG photo, written to a temporary file. */
    public static Path travellerPhotoPng(Path directory) {
        return file(directory, "traveller-", ".png", TestImages.travellerPng());
    }

    /** A phone-camera-like JPEG of a pass's QR code, written to a temporary file. */
    public static Path photoOfQr(BufferedImage qr, Path directory) {
        return file(directory, "pass-photo-", ".jpg", TestImages.photoOfQrJpeg(qr));
    }

    private static Path file(Path directory, String prefix, String suffix, byte[] image) {
        try {
            Files.createDirectories(directory);
            return Files.write(Files.createTempFile(directory, prefix, suffix), image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
