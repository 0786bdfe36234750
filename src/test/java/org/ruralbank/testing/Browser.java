package org.ruralbank.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages (installed by .ci/run), driven by the system chromedriver so that
 * nothing is ever downloaded.
 */
public final class Browser {

    private Browser() {}

    public static ChromeDriver start() throws Exception {
        Path profile = Files.createTempDirectory("ruralbank-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,900",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** A browser that saves what it downloads into {@code downloads}, without asking. */
    public static ChromeDriver downloadingInto(Path downloads) throws Exception {
        ChromeDriver driver = start();
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return driver;
    }

    /**
     * Waits until the browser has navigated to a URL containing {@code fragment}: a click on a form's submit button
     * returns before the POST and its redirect have finished, and on a busy machine the next step would otherwise
     * race them.
     */
    public static void awaitUrl(WebDriver driver, String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(fragment));
    }

    /** Waits (up to 10 s) for a workbook to land in the download folder and returns it. */
    public static Path awaitDownload(Path downloads) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                java.util.List<Path> done =
                        files.filter(f -> f.toString().endsWith(".xlsx")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no workbook was downloaded to " + downloads);
    }
}
