package io.urop.webapps.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The apps as a browser loads them: the built pages and files, each with the caching it needs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.import=", "eureka.client.enabled=false", "spring.cloud.config.enabled=false" })
@AutoConfigureWebTestClient
class AppPagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" crossorigin src=\"([^\"]+)\"");

    @Autowired
    WebTestClient client;

    @Test
    void aScanLandsOnTheDinerAppWhosePageIsAlwaysRevalidatedAndWhoseScriptIsCachedForAYear() {
        String page = client.get().uri("/table?location=l&table=t&session=s&guest=g").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<div id=\"root\"></div>");

        Matcher script = SCRIPT.matcher(page);
        assertThat(script.find()).as(page).isTrue();
        assertThat(script.group(1)).startsWith("/table/assets/");
        client.get().uri(script.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable");
    }

    @Test
    void anUnchangedPageIsNotSentAgain() {
        String etag = client.get().uri("/kitchen/").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        client.get().uri("/kitchen").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void everyPathOfAnAppIsItsPageSoItsOwnRoutesSurviveAReload() {
        String dashboard = client.get().uri("/admin/").exchange().expectBody(String.class).returnResult().getResponseBody();

        client.get().uri("/admin/menus/42/items").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(dashboard);
        // an emailed invitation's token is a payload and a signature, with a dot between them
        client.get().uri("/admin/invitations/AaJP0ytodp23lGnTB0EbdQGiT9NeFnYSjKX7Kx6bkEQAAAAAax-2PQ.GITnj3TMu1paVwxgAKJR5V")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(dashboard);
    }

    @Test
    void aFileThatIsNotThereIsANotFoundProblemNeverThePage() {
        for (String missing : new String[] { "/table/assets/index-gone.js", "/kitchen/missing.css", "/admin/assets/" }) {
            client.get().uri(missing).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("No such file");
        }
    }

    @Test
    void noPathLeavesTheAppsFolder() {
        for (String escape : new String[] { "/table/assets/..%2F..%2Fapplication.yml", "/table/..%2Fadmin%2Findex.html",
                "/table/assets/%2E%2E/%2E%2E/application.yml" }) {
            client.get().uri(escape).exchange()
                    .expectStatus().value(status -> assertThat(status).as(escape).isIn(400, 404));
        }
        client.get().uri("/application.yml").exchange().expectStatus().isNotFound();
    }

    @Test
    void theAppsIconIsCachedForAnHourAsItsNameNeverChanges() {
        client.get().uri("/table/favicon.svg").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=3600, public");
    }
}
