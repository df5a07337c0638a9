package io.urop.menu.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes an uploaded picture and makes the standard widths of it, as JPEG (what every phone shows fast; a
 * transparent background becomes white). The memory the decoded pixels and the widest rendition take is read from the
 * picture's header and reserved before any pixel buffer is allocated: a small file can claim a huge picture.
 */
final class Renditions {

    private static final float JPEG_QUALITY = 0.85f;

    private Renditions() {
    }

    /** The JPEG of each width, in the order given; never wider than the picture itself. */
    static Map<Integer, byte[]> of(byte[] upload, List<Integer> widths, DecodingMemory.Reservation memory) {
        BufferedImage picture = decode(upload, Collections.max(widths), memory);
        Map<Integer, byte[]> renditions = new LinkedHashMap<>();
        for (int width : widths) {
            renditions.put(width, jpeg(scaled(picture, Math.min(width, picture.getWidth()))));
        }
        return renditions;
    }

    private static BufferedImage decode(byte[] upload, int widest, DecodingMemory.Reservation memory) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnusableImageException("The picture cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long widestRendition = (long) Math.min(widest, width) * scaledHeight(width, height, widest) * Integer.BYTES;
                memory.grow(decodedSize(reader, width, height) + widestRendition);
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

    /** The most any of the reader's destination types takes for the whole picture (the first is what it decodes to). */
    private static long decodedSize(ImageReader reader, int width, int height) throws IOException {
        long bytesPerPixel = 0;
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext();) {
            SampleModel pixel = types.next().getSampleModel(1, 1);
            bytesPerPixel = Math.max(bytesPerPixel,
                    (long) pixel.getNumDataElements() * DataBuffer.getDataTypeSize(pixel.getDataType()) / Byte.SIZE);
        }
        return (long) width * height * Math.max(1, bytesPerPixel);
    }

    private static int scaledHeight(int width, int height, int toWidth) {
        return Math.max(1, (int) Math.round((double) height * Math.min(toWidth, width) / width));
    }

    private static BufferedImage scaled(BufferedImage picture, int width) {
        int height = scaledHeight(picture.getWidth(), picture.getHeight(), width);
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
