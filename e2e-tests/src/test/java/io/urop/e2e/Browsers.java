package io.urop.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Real browsers for the scenarios: the system's Chromium (Debian's package, {@code UROP_CHROMIUM} elsewhere), driven by
 * Playwright, which never downloads a browser of its own. Each context is a device of its own (its own cookies and
 * storage): a phone, or a kitchen tablet. Screenshots land in {@code target/screenshots/}.
 */
final class Browsers implements AutoCloseable {

    /** Without these Chromium tries to reach Google's services, which a closed network refuses many times a second. */
    private static final List<String> QUIET = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Browsers() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = System.getenv().getOrDefault("UROP_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            playwright.close();
            throw new IllegalStateException("No Chromium at " + chromium + ": install Debian's chromium package "
                    + "(./mvnw verify does where it may) or point UROP_CHROMIUM at one");
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium)).setHeadless(true).setArgs(QUIET));
    }

    static Browsers start() {
        return new Browsers();
    }

    /** A phone: a small touch screen, the given language first. */
    Page phone(String language) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(1).setIsMobile(true).setHasTouch(true)
                .setLocale(language)
                .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/156.0 Mobile Safari/537.36"));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** A kitchen tablet, landscape. */
    Page tablet(String language) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setHasTouch(true).setLocale(language));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** An owner's laptop. */
    Page laptop(String language) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 900).setLocale(language));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
