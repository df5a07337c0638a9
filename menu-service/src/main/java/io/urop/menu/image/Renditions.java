package io.urop.menu.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes an uploaded picture and makes the standard widths of it, as JPEG (what every phone shows fast; a
 * transparent background becomes white). The size is checked before the pixels are decoded.
 */
final class Renditions {

    private static final float JPEG_QUALITY = 0.85f;

    private Renditions() {
    }

    /** The JPEG of each width, in the order given; never wider than the picture itself. */
    static Map<Integer, byte[]> of(byte[] upload, List<Integer> widths, long maxPixels) {
        BufferedImage picture = decode(upload, maxPixels);
        Map<Integer, byte[]> renditions = new LinkedHashMap<>();
        for (int width : widths) {
            renditions.put(width, jpeg(scaled(picture, Math.min(width, picture.getWidth()))));
        }
        return renditions;
    }

    private static BufferedImage decode(byte[] upload, long maxPixels) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnusableImageException("The picture cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new UnusableImageException("The picture is too large: at most " + maxPixels + " pixels");
                }
                return reader.read(0);
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof UnusableImageException unusable) {
                throw unusable;
            }
            throw new UnusableImageException("The picture cannot be read");
        }
    }

    private static BufferedImage scaled(BufferedImage picture, int width) {
        int height = Math.max(1, (int) Math.round((double) picture.getHeight() * width / picture.getWidth()));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(picture, 0, 0, width, height, null);
        }
        finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage picture) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(picture, null, null), parameters);
        }
        catch (IOException e) {
            throw new IllegalStateException("Encoding a JPEG in memory failed", e);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
