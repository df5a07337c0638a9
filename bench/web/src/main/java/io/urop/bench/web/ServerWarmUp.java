package io.urop.bench.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet as production runs it, before any phone is timed: the JIT compilers have seen a scan's every request (the
 * scan and its 303, the page, its files, the menu with the diner's token) a few thousand times. A handful of phones
 * alone would meet code that the JVMs still interpret, and time the fleet's start rather than a diner's scan.
 */
final class ServerWarmUp {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/table/assets/[^\"]+)\"");

    private static final Pattern LOCATION = Pattern.compile("(?:^|&)location=([^&]+)");

    private static final Pattern TOKEN = Pattern.compile("(?:^|&)token=([^&]+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Scans the codes in turn, {@code rounds} times in all, over {@code threads} threads; fails at the first error. */
    void run(List<String> scanUrls, int rounds, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String scanUrl = scanUrls.get(round % scanUrls.size());
                scans.add(pool.submit(() -> {
                    scan(URI.create(scanUrl));
                    return null;
                }));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void scan(URI scanUrl) throws Exception {
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(scanUrl).build(), BodyHandlers.discarding());
        if (redirect.statusCode() != 303) {
            throw new IllegalStateException("GET " + scanUrl.getPath() + " answered " + redirect.statusCode() + ", not 303");
        }
        URI page = scanUrl.resolve(redirect.headers().firstValue("Location").orElseThrow());
        String html = get(page, null).body();
        Matcher assets = ASSET.matcher(html);
        while (assets.find()) {
            get(page.resolve(assets.group(1)), null);
        }
        String location = find(LOCATION, page.getRawQuery(), page);
        String token = find(TOKEN, page.getRawFragment(), page);
        get(page.resolve("/api/v1/public/locations/" + location + "/menu?lang=en"), token);
    }

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + " answered " + response.statusCode());
        }
        return response;
    }

    private static String find(Pattern pattern, String part, URI page) {
        Matcher matcher = pattern.matcher(part == null ? "" : part);
        if (!matcher.find()) {
            throw new IllegalStateException("The scan sent the phone to " + page.getPath() + ", without " + pattern);
        }
        return matcher.group(1);
    }
}
