package io.urop.menu.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;

import io.urop.menu.MenuServiceTest;
import io.urop.menu.TestMenus;
import io.urop.menu.editing.MenuDraft;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.contracts.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagesTest extends MenuServiceTest {

    /** A 1×1 lossless WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Test
    void anUploadIsStoredInTheStandardWidthsAsJpegWhateverTheRequestSaysItIs() throws IOException {
        String body = upload(owner, png(2000, 1000), MediaType.APPLICATION_OCTET_STREAM).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();

        Map<String, String> urls = JsonPath.read(body, "$.urls");
        assertThat(urls).containsOnlyKeys("320", "800", "1600");
        for (Map.Entry<String, String> url : urls.entrySet()) {
            BufferedImage stored = fetch(url.getValue());
            assertThat(stored.getWidth()).isEqualTo(Integer.parseInt(url.getKey()));
            assertThat(stored.getHeight()).isEqualTo(Integer.parseInt(url.getKey()) / 2);
            assertThat(new Color(stored.getRGB(0, 0))).as("transparency becomes white").isEqualTo(Color.WHITE);
        }
    }

    @Test
    void aWebPIsReadAndASmallPictureIsNeverEnlarged() throws IOException {
        String body = upload(owner, WEBP, MediaType.IMAGE_JPEG).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();

        assertThat(fetch(JsonPath.read(body, "$.urls.1600")).getWidth()).isEqualTo(1);
    }

    @Test
    void whatIsNotAUsablePictureIsRefusedWithAProblem() throws IOException {
        upload(owner, "not a picture at all".getBytes(), MediaType.IMAGE_JPEG).expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        upload(owner, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3}, MediaType.IMAGE_JPEG)
                .expectStatus().isBadRequest();
        byte[] huge = Arrays.copyOf(png(10, 10), 5 * 1024 * 1024 + 1);
        upload(owner, huge, MediaType.IMAGE_PNG).expectStatus().isEqualTo(413);
        upload(owner, new byte[0], MediaType.IMAGE_PNG).expectStatus().isBadRequest();
        upload(owner, pngClaiming(100_000, 100_000), MediaType.IMAGE_PNG).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("too large"));
        upload(staff(tenant, Role.STAFF, location), png(10, 10), MediaType.IMAGE_PNG).expectStatus().isForbidden();
    }

    @Test
    void aSmallFileThatDecodesToAHugePictureIsRefusedBeforeItsPixelsAreDecoded() throws IOException {
        byte[] bomb = sixteenBitRgbaPng(6300, 6300);
        assertThat(bomb.length).as("a file well under the upload limit").isLessThan(1024 * 1024);

        upload(owner, bomb, MediaType.IMAGE_PNG).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("too large").contains("64 MB"));

        upload(owner, png(1000, 800), MediaType.IMAGE_PNG).expectStatus().isCreated();
    }

    @Test
    void dinersSeeTheItemsPicture() throws IOException {
        String imageKey = uploaded(owner);
        publish(owner, menuWith(owner, location, burgerPictured(imageKey))).expectStatus().isCreated();

        String menu = publicMenuBody(location);

        assertThat(fetch(JsonPath.read(menu, "$.categories[0].items[0].image.320")).getWidth()).isEqualTo(320);
        assertThat((Object) JsonPath.read(menu, "$.categories[0].items[1].image")).isNull();
    }

    @Test
    void aDraftNamingAPictureNeverUploadedForThisTenantIsRefusedAndChangesNothing() throws IOException {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        String othersPicture = uploaded(owner(UUID.randomUUID()));

        for (String imageKey : List.of(UUID.randomUUID().toString(), othersPicture, "../" + othersPicture)) {
            saveDraft(owner, menu, burgerPictured(imageKey), "\"1\"").expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("categories[0].items[0].imageKey")
                    .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_IMAGE");
        }

        call(owner, http.get().uri("/api/v1/menus/{m}/draft", menu)).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.categories[0].items[0].imageKey").doesNotExist();
    }

    @Test
    void aPictureIsDeletedOnlyOnceNoDraftAndNoLiveVersionShowsIt() throws IOException {
        String uploaded = upload(owner, png(1000, 800), MediaType.IMAGE_PNG).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        String imageKey = JsonPath.read(uploaded, "$.imageKey");
        String url = JsonPath.read(uploaded, "$.urls.320");
        UUID menu = menuWith(owner, location, burgerPictured(imageKey));

        deletePicture(owner, imageKey).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        publish(owner, menu).expectStatus().isCreated();
        saveDraft(owner, menu, TestMenus.bistro("Classic burger"), null).expectStatus().isOk();
        // the live version still shows it
        deletePicture(owner, imageKey).expectStatus().isEqualTo(409);
        assertThat(fetch(url).getWidth()).isEqualTo(320);

        publish(owner, menu).expectStatus().isCreated();
        deletePicture(staff(tenant, Role.STAFF, location), imageKey).expectStatus().isForbidden();
        deletePicture(owner(UUID.randomUUID()), imageKey).expectStatus().isNotFound();
        deletePicture(owner, imageKey).expectStatus().isNoContent();

        assertThatThrownBy(() -> fetch(url)).as("its stored widths are gone").isInstanceOf(IOException.class);
        deletePicture(owner, imageKey).expectStatus().isNotFound();
        deletePicture(owner, "not-a-picture").expectStatus().isNotFound();
        saveDraft(owner, menu, burgerPictured(imageKey), null).expectStatus().isBadRequest();
        // version 1 showed it: restoring it would show a picture that is gone
        call(owner, http.post().uri("/api/v1/menus/{m}/versions/1/restoration", menu)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_IMAGE");
    }

    private String uploaded(String token) throws IOException {
        return JsonPath.read(upload(token, png(1000, 800), MediaType.IMAGE_PNG).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody(), "$.imageKey");
    }

    private RestTestClient.ResponseSpec deletePicture(String token, String imageKey) {
        return call(token, http.delete().uri("/api/v1/menus/images/{k}", imageKey));
    }

    /** The bistro menu with the picture on its burger. */
    private static MenuDraft burgerPictured(String imageKey) {
        MenuDraft bistro = TestMenus.bistro("Classic burger");
        Category mains = bistro.categories().get(0);
        Item burger = mains.items().get(0);
        Item pictured = new Item(burger.id(), burger.name(), burger.description(), burger.price(), burger.sizes(),
                burger.station(), burger.prepMinutes(), burger.allergens(), burger.dietaryTags(), burger.calories(), imageKey,
                burger.daypartIds(), burger.preModifiersAllowed(), burger.modifierGroups());
        return new MenuDraft(bistro.currency(), bistro.defaultLanguage(), bistro.dayparts(), List.of(
                new Category(mains.id(), mains.name(), mains.description(), mains.daypartIds(),
                        List.of(pictured, mains.items().get(1)))));
    }

    private RestTestClient.ResponseSpec upload(String token, byte[] bytes, MediaType type) {
        return call(token, http.post().uri("/api/v1/menus/images").contentType(type).body(bytes));
    }

    private static BufferedImage fetch(String url) throws IOException {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            BufferedImage image = ImageIO.read(in);
            assertThat(image).as(url).isNotNull();
            return image;
        }
    }

    /** A half-transparent picture: its top-left pixel fully transparent. */
    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 40, 40));
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /**
     * A valid PNG of 16-bit RGBA pixels, all zero: about 300 KB on the wire for 6300×6300, which would take 8 bytes a
     * pixel once decoded. Written row by row, as the picture itself would not fit this test's heap.
     */
    private static byte[] sixteenBitRgbaPng(int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream rows = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + width * 8];
            for (int y = 0; y < height; y++) {
                rows.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        pngChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16).put((byte) 6).array());
        pngChunk(png, "IDAT", compressed.toByteArray());
        pngChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(StandardCharsets.US_ASCII));
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A small PNG whose header claims other dimensions: what a decompression bomb looks like before decoding. */
    private static byte[] pngClaiming(int width, int height) throws IOException {
        byte[] png = png(8, 8);
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        return png;
    }
}
