package io.urop.bench.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.urop.bench.common.BenchConfig;

/**
 * A phone scanning a table's code on a slow network with a slow CPU (Lighthouse's mobile profile: 150 ms round trips,
 * 1.6 Mbit/s down, 750 kbit/s up, the CPU four times slower), each time a new phone (nothing cached), then the same
 * phone opening the page again (its cache warm): how long until the menu is on screen, from the scan (the 303 and the
 * page's own requests included). Prints percentiles of each, where a new phone's time went, and what the page
 * downloaded. Before any phone, scans without a browser ({@code serverWarmup}, 2,000: {@link ServerWarmUp}) warm the
 * fleet; the first phones ({@code warmup}, 5) are not counted.
 */
public final class FirstRender {

    private static final Pattern SCAN_URL = Pattern.compile("\"scanUrl\" *: *\"([^\"]+)\"");

    private static final List<String> QUIET = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /**
     * Milliseconds from the start of the navigation (the scan): the page's arrival (after the scan's 303), its scripts
     * asked for and the last of them arrived, the menu's request asked and answered, the first paint of content, and
     * the menu's own mark.
     */
    private static final String TIMINGS = """
            () => {
              const resources = performance.getEntriesByType('resource');
              const scripts = resources.filter(r => r.name.endsWith('.js'));
              const menu = resources.find(r => r.name.includes('/menu?'));
              return {
                page: performance.getEntriesByType('navigation')[0].responseEnd,
                scriptsAsked: Math.min(...scripts.map(r => r.startTime)),
                scripts: Math.max(...scripts.map(r => r.responseEnd)),
                menuAsked: menu?.startTime ?? -1,
                menuAnswered: menu?.responseEnd ?? -1,
                fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
                menu: performance.getEntriesByName('urop:menu-rendered')[0]?.startTime ?? -1,
                js: scripts.reduce((sum, r) => sum + r.transferSize, 0)
              };
            }""";

    /** The steps of a new phone's first render, in the order they usually happen. */
    private static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("page", "the page arrived (after the scan's 303)");
        STEPS.put("scriptsAsked", "its scripts asked for");
        STEPS.put("menuAsked", "the menu asked for");
        STEPS.put("scripts", "the last script arrived");
        STEPS.put("menuAnswered", "the menu arrived");
        STEPS.put("fcp", "first contentful paint");
        STEPS.put("menu", "menu on screen");
    }

    public static void main(String[] args) throws Exception {
        List<String> codes = scanUrls(Path.of(BenchConfig.required("codes")));
        int runs = (int) BenchConfig.number("runs", 20);
        int warmup = (int) BenchConfig.number("warmup", 5);
        double cpuSlowdown = BenchConfig.number("cpuSlowdown", 4);
        int serverWarmup = (int) BenchConfig.number("serverWarmup", 2000);
        long start = System.nanoTime();
        new ServerWarmUp().run(codes, serverWarmup, 2);
        System.out.printf("the fleet warmed by %d scans without a browser in %.0f s%n", serverWarmup,
                (System.nanoTime() - start) / 1e9);
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        STEPS.keySet().forEach(step -> steps.put(step, new ArrayList<>()));
        List<Double> warmMenu = new ArrayList<>();
        double jsBytes = 0;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(BenchConfig.string("chromium", "/usr/bin/chromium"))).setArgs(QUIET));
            // the first phones meet services whose code paths are not compiled yet; a fleet in production is warm
            for (int run = -warmup; run < runs; run++) {
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setIsMobile(true).setHasTouch(true).setLocale("en-GB"));
                Page page = phone.newPage();
                throttle(phone.newCDPSession(page), cpuSlowdown);
                Map<?, ?> cold = open(page, codes.get(Math.floorMod(run, codes.size())));
                if (run < 0) {
                    phone.close();
                    continue;
                }
                STEPS.keySet().forEach(step -> steps.get(step).add(number(cold, step)));
                jsBytes = number(cold, "js");
                page.reload();
                page.waitForSelector("section h2");
                warmMenu.add(number(timings(page), "menu"));
                phone.close();
            }
        }
        System.out.printf("%-44s %8s %8s %8s%n", "ms from the scan (runs: " + runs + ")", "p50", "p95", "max");
        row("menu on screen, new phone", steps.get("menu"));
        row("first contentful paint, new phone", steps.get("fcp"));
        row("menu on screen, page opened again", warmMenu);
        System.out.printf("%nwhere a new phone's time goes, ms from the scan%n");
        STEPS.forEach((step, what) -> row(what, steps.get(step)));
        System.out.printf("JavaScript downloaded by a new phone: %.1f kB (compressed, as sent)%n", jsBytes / 1024);
    }

    private static Map<?, ?> open(Page page, String scanUrl) {
        page.navigate(scanUrl);
        page.waitForSelector("section h2");
        return timings(page);
    }

    private static Map<?, ?> timings(Page page) {
        page.waitForFunction("() => performance.getEntriesByName('urop:menu-rendered').length > 0");
        return (Map<?, ?>) page.evaluate(TIMINGS);
    }

    private static void throttle(CDPSession cdp, double cpuSlowdown) {
        JsonObject network = new JsonObject();
        network.addProperty("offline", false);
        network.addProperty("latency", 150);
        network.addProperty("downloadThroughput", 1.6 * 1024 * 1024 / 8);
        network.addProperty("uploadThroughput", 750 * 1024 / 8);
        cdp.send("Network.enable");
        cdp.send("Network.emulateNetworkConditions", network);
        JsonObject cpu = new JsonObject();
        cpu.addProperty("rate", cpuSlowdown);
        cdp.send("Emulation.setCPUThrottlingRate", cpu);
    }

    private static List<String> scanUrls(Path codes) throws Exception {
        List<String> urls = new ArrayList<>();
        Matcher matcher = SCAN_URL.matcher(Files.readString(codes));
        while (matcher.find()) {
            urls.add(matcher.group(1));
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("No scanUrl in " + codes);
        }
        return urls;
    }

    private static double number(Map<?, ?> timings, String name) {
        return ((Number) timings.get(name)).doubleValue();
    }

    private static void row(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-44s %8.0f %8.0f %8.0f%n", what, percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private FirstRender() {
    }
}
