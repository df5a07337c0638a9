package io.urop.qr.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.urop.qr.QrServiceTest;
import io.urop.contracts.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class QrImagesTest extends QrServiceTest {

    @Autowired
    QrImageProperties s3;

    @Test
    void thePngDecodesBackToTheExactScanUrlAndIsKeptInS3() throws Exception {
        UUID table = createTable(owner, location, "4");
        String scanUrl = scanUrl(table);

        byte[] png = get(owner, "/api/v1/tables/{t}/qr-code.png?size=600", table).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody().returnResult().getResponseBody();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(500, 600).isEqualTo(image.getHeight());
        assertThat(decode(image)).isEqualTo(scanUrl);
        assertThat(objectsOfTheTenant()).anyMatch(key -> key.endsWith("/600.png"));
        assertThat(get(owner, "/api/v1/tables/{t}/qr-code.png?size=600", table).expectBody().returnResult()
                .getResponseBody()).isEqualTo(png);
    }

    @Test
    void withRoomForALogoTheCodeStillDecodesAndItsMiddleIsWhite() throws Exception {
        UUID table = createTable(owner, location, "4");

        byte[] png = get(owner, "/api/v1/tables/{t}/qr-code.png?size=400&logoSpace=true", table).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decode(image)).isEqualTo(scanUrl(table));
        int middle = image.getWidth() / 2;
        for (int d = -image.getWidth() / 20; d <= image.getWidth() / 20; d++) {
            assertThat(image.getRGB(middle + d, middle) & 0xFFFFFF).as("pixel %d from the middle", d).isEqualTo(0xFFFFFF);
        }
    }

    @Test
    void theSvgIsTheSameCodeAtTheAskedSize() {
        UUID table = createTable(owner, location, "4");

        String svg = new String(get(owner, "/api/v1/tables/{t}/qr-code.svg?size=300", table).expectStatus().isOk()
                .expectHeader().contentType("image/svg+xml").expectBody().returnResult().getResponseBody());

        int modules = QrImages.modules(scanUrl(table), false).getWidth();
        assertThat(svg).contains("width=\"300\"").contains("viewBox=\"0 0 " + modules + " " + modules + "\"")
                .contains("<path fill=\"#000\" d=\"M");
    }

    @Test
    void theSheetHasOneCodePerActiveTableEachDecodingToItsTableAndNamedUnderIt() throws Exception {
        UUID terrace = createArea(owner, location, "Terrace");
        post(owner, "/api/v1/tables/bulk", Map.of("locationId", location, "areaId", terrace, "namePattern", "Terrace {n}",
                "from", 1, "to", 14, "seats", 2)).expectStatus().isCreated();
        createTable(owner, location, "Bar 1");
        UUID retired = createTable(owner, location, "Retired");
        post(owner, "/api/v1/tables/" + retired + "/deactivation", null).expectStatus().isOk();
        String tables = get(owner, "/api/v1/tables?locationId={l}&areaId={a}", location, terrace)
                .returnResult(String.class).getResponseBody();
        Set<String> expected = new HashSet<>();
        for (String id : (List<String>) JsonPath.read(tables, "$.items[*].id")) {
            expected.add(scanUrl(UUID.fromString(id)));
        }

        byte[] pdf = get(owner, "/api/v1/tables/qr-sheet.pdf?locationId={l}&areaId={a}", location, terrace)
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody().returnResult().getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            List<String> decoded = new ArrayList<>();
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap(renderer.renderImageWithDPI(page, 150)),
                        Map.of(DecodeHintType.TRY_HARDER, true))) {
                    decoded.add(result.getText());
                }
            }
            assertThat(decoded).hasSize(14).containsExactlyInAnyOrderElementsOf(expected);
            String text = new PDFTextStripper().getText(document);
            for (int n = 1; n <= 14; n++) {
                assertThat(text).contains("Terrace " + n);
            }
            assertThat(text).doesNotContain("Bar 1").doesNotContain("Retired");
        }
        byte[] whole = get(owner, "/api/v1/tables/qr-sheet.pdf?locationId={l}", location).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(whole)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Bar 1").contains("Terrace 14").doesNotContain("Retired");
        }
    }

    @Test
    void badSizesAreRefusedAndOnlyManagersPrintCodes() {
        UUID table = createTable(owner, location, "4");

        get(owner, "/api/v1/tables/{t}/qr-code.png?size=10", table).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(owner, "/api/v1/tables/{t}/qr-code.svg?size=99999", table).expectStatus().isBadRequest();
        get(owner, "/api/v1/tables/{t}/qr-code.png?size=big", table).expectStatus().isBadRequest();
        get(staff(tenant, Role.STAFF, location), "/api/v1/tables/{t}/qr-code.png", table).expectStatus().isForbidden();
        get(staff(tenant, Role.STAFF, location), "/api/v1/tables/qr-sheet.pdf?locationId={l}", location).expectStatus()
                .isForbidden();
        get(owner, "/api/v1/tables/qr-sheet.pdf?locationId={l}", UUID.randomUUID()).expectStatus().isNotFound();
    }

    private String scanUrl(UUID table) {
        return JsonPath.read(get(owner, "/api/v1/tables/{t}/qr-code", table).expectStatus().isOk()
                .returnResult(String.class).getResponseBody(), "$.scanUrl");
    }

    private List<String> objectsOfTheTenant() {
        try (S3Client client = S3Client.builder().region(Region.of(s3.region())).endpointOverride(s3.endpoint())
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))).build()) {
            return client.listObjectsV2(request -> request.bucket(s3.bucket()).prefix(tenant + "/")).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    static String decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(bitmap(image), Map.of(DecodeHintType.PURE_BARCODE, false)).getText();
    }

    static BinaryBitmap bitmap(BufferedImage image) throws IOException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }
}
