package io.urop.qr.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import io.urop.qr.token.QrCodes;

/**
 * The printable sheet of a location's codes: A4 pages of three by four codes, each about 5 cm wide with its
 * table's name under it, to cut out and stand on the tables.
 */
final class QrSheet {

    /** Part of each stored sheet's key: a change of layout renders every sheet anew. */
    static final int VERSION = 1;

    private static final int COLUMNS = 3;
    private static final int ROWS = 4;
    private static final float MARGIN = 36;
    private static final float NAME_SIZE = 14;
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private QrSheet() {
    }

    static byte[] render(List<QrCodes.NamedCode> tables) {
        try (PDDocument document = new PDDocument()) {
            PDRectangle a4 = PDRectangle.A4;
            float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            float cellHeight = (a4.getHeight() - 2 * MARGIN) / ROWS;
            float codeSize = Math.min(cellWidth, cellHeight - 2 * NAME_SIZE) - 12;
            for (int first = 0; first < Math.max(1, tables.size()); first += COLUMNS * ROWS) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int i = first; i < Math.min(tables.size(), first + COLUMNS * ROWS); i++) {
                        int cell = i - first;
                        float left = MARGIN + (cell % COLUMNS) * cellWidth;
                        float top = a4.getHeight() - MARGIN - (cell / COLUMNS) * cellHeight;
                        QrCodes.NamedCode table = tables.get(i);
                        PDImageXObject image = LosslessFactory.createFromImage(document,
                                image(QrImages.modules(table.code().scanUrl().toString(), false)));
                        float x = left + (cellWidth - codeSize) / 2;
                        content.drawImage(image, x, top - codeSize, codeSize, codeSize);
                        String name = printable(table.tableName());
                        float nameWidth = FONT.getStringWidth(name) / 1000 * NAME_SIZE;
                        content.beginText();
                        content.setFont(FONT, NAME_SIZE);
                        content.newLineAtOffset(left + Math.max(0, (cellWidth - nameWidth) / 2), top - codeSize - NAME_SIZE - 2);
                        content.showText(name);
                        content.endText();
                    }
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pixel per module: the PDF scales it without blurring (it is drawn with no interpolation). */
    private static BufferedImage image(BitMatrix matrix) {
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    /** The name in what the sheet's font can draw: any other character becomes '?' rather than failing the sheet. */
    private static String printable(String name) {
        StringBuilder printable = new StringBuilder();
        name.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                FONT.encode(character);
                printable.append(character);
            }
            catch (IOException | IllegalArgumentException e) {
                printable.append('?');
            }
        });
        return printable.toString();
    }
}
