package kr.kaesongcrossing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Reads QR codes in tests with ZXing, as a scanner would. */
public final class QrScan {

    private QrScan() {
    }

    /**
     * The text of the QR code in the image. ZXing's detector misses about one clean code in fifty upright and
     * reads it turned a quarter (as a person turns a pass that does not scan), so both are tried.
     */
    public static String read(BufferedImage image) {
        LuminanceSource upright = new BufferedImageLuminanceSource(image);
        ReaderException last = null;
        for (LuminanceSource source : List.of(upright, upright.rotateCounterClockwise())) {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
            } catch (ReaderException e) {
                last = e;
            }
        }
        throw new AssertionError("no readable QR code in the image (" + image.getWidth() + "x" + image.getHeight()
                + ")", last);
    }
}
