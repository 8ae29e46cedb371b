package kr.kaesongcrossing.application.photo;

/**
 * Reads the EXIF orientation (1-8) of a JPEG without decoding it: phones store photos sideways and set this
 * tag, which is lost when the metadata is stripped, so it is applied to the pixels instead.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** 1 (as stored) when absent or unreadable. */
    static int read(byte[] jpeg) {
        try {
            int pos = 2;
            while (pos + 4 <= jpeg.length) {
                if ((jpeg[pos] & 0xFF) != 0xFF) {
                    return 1;
                }
                int marker = jpeg[pos + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1;
                }
                int length = u16(jpeg, pos + 2, false);
                int segment = pos + 4;
                if (marker == 0xE1 && length >= 16 && segment + 6 <= jpeg.length
                        && jpeg[segment] == 'E' && jpeg[segment + 1] == 'x' && jpeg[segment + 2] == 'i'
                        && jpeg[segment + 3] == 'f' && jpeg[segment + 4] == 0 && jpeg[segment + 5] == 0) {
                    return fromTiff(jpeg, segment + 6, Math.min(jpeg.length, pos + 2 + length));
                }
                pos += 2 + length;
            }
        } catch (RuntimeException e) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? (y << 8) | x : (x << 8) | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return (hi << 16) | lo;
    }
}
