package io.urop.webapps.pages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * Each app at {@code /<app>}: its hashed assets ({@code /<app>/assets/…}, a new name whenever their content changes)
 * cached for a year, every other path of the app answered with its {@code index.html}, which is never used without
 * asking again (so a deployment reaches every open phone at its next load). A path naming a file that does not exist
 * is a 404, never the page: a browser asking for a script must not get HTML.
 */
@Configuration(proxyBeanMethods = false)
class AppPages {

    static final URI NO_SUCH_FILE = URI.create("https://urop.io/problems/no-such-file");

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    static final CacheControl REVALIDATE = CacheControl.noCache();

    /** Files of the app's {@code public/} folder (icons, manifest): their names do not change with their content. */
    static final CacheControl SHORT = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> appPageRoutes(WebAppsProperties properties) {
        List<RouterFunction<ServerResponse>> apps = properties.apps().stream().map(AppPages::routes).toList();
        return apps.stream().reduce(RouterFunction::and).orElseGet(() -> RouterFunctions.route().build());
    }

    private static RouterFunction<ServerResponse> routes(String app) {
        AppPage page = AppPage.load(app);
        String prefix = "/" + app;
        return RouterFunctions.route()
                .GET(prefix + "/assets/{*file}", request -> file(app, "assets" + request.pathVariable("file"), IMMUTABLE))
                .route(GET(prefix).or(GET(prefix + "/")), request -> page(page, request))
                .route(path(prefix + "/**").and(GET(prefix + "/**")), request -> fileOrPage(page, request))
                .build();
    }

    private static Mono<ServerResponse> fileOrPage(AppPage page, ServerRequest request) {
        String relative = request.path().substring(page.app().length() + 2);
        if (!looksLikeFile(relative)) {
            return page(page, request);
        }
        return file(page.app(), relative, SHORT);
    }

    /**
     * A file's name ends with an extension that names a media type ({@code .css}, {@code .png}); a client-side route
     * does not, even with a dot in it ({@code /admin/invitations/<payload>.<signature>}, as emails link to).
     */
    private static boolean looksLikeFile(String relative) {
        return MediaTypeFactory.getMediaType(relative.substring(relative.lastIndexOf('/') + 1)).isPresent();
    }

    private static Mono<ServerResponse> notFound(String relative) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no file " + relative);
        problem.setType(NO_SUCH_FILE);
        problem.setTitle("No such file");
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    private static Mono<ServerResponse> page(AppPage page, ServerRequest request) {
        return request.checkNotModified(page.etag())
                .switchIfEmpty(ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(REVALIDATE)
                        .eTag(page.etag())
                        .bodyValue(page.html()));
    }

    private static Mono<ServerResponse> file(String app, String relative, CacheControl cacheControl) {
        Resource resource = new ClassPathResource("static/" + app + "/" + relative);
        if (relative.contains("..") || relative.contains("\\") || !resource.isReadable()) {
            return notFound(relative);
        }
        return ServerResponse.ok()
                .contentType(MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .cacheControl(cacheControl)
                .bodyValue(resource);
    }
}
