package io.urop.qr.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a scan URL as a QR code: error correction H (30 % of the symbol may be lost, so a logo can cover the
 * middle), a quiet zone of four modules, and, if asked, the middle left white for a logo (a square of a fifth of the
 * symbol, well within what H recovers). Whole pixels per module, so a printer never blurs one.
 */
public final class QrImages {

    public static final int QUIET_ZONE_MODULES = 4;

    private QrImages() {
    }

    /** The code's modules, quiet zone included: {@code true} is dark. */
    public static BitMatrix modules(String content, boolean logoSpace) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H,
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            if (logoSpace) {
                int symbol = matrix.getWidth() - 2 * QUIET_ZONE_MODULES;
                int hole = Math.max(3, symbol / 5) | 1;
                int start = (matrix.getWidth() - hole) / 2;
                for (int y = start; y < start + hole; y++) {
                    for (int x = start; x < start + hole; x++) {
                        matrix.unset(x, y);
                    }
                }
            }
            return matrix;
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this as a QR code: " + e.getMessage(), e);
        }
    }

    /** A PNG at most {@code size} pixels wide and high (as wide as whole-pixel modules allow, and at least 1 px each). */
    public static byte[] png(String content, int size, boolean logoSpace) {
        BitMatrix matrix = modules(content, logoSpace);
        int module = Math.max(1, size / matrix.getWidth());
        int width = matrix.getWidth() * module;
        BufferedImage image = new BufferedImage(width, width, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, matrix.get(x / module, y / module) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** An SVG of {@code size} pixels wide and high that scales to any print size: one path of the dark modules. */
    public static byte[] svg(String content, int size, boolean logoSpace) {
        BitMatrix matrix = modules(content, logoSpace);
        int n = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < n && matrix.get(run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run - x).append("v1h-")
                        .append(run - x).append('z');
                x = run;
            }
        }
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + n + " " + n + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
        return svg.getBytes(StandardCharsets.UTF_8);
    }
}
