package hk.lantau.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hk.lantau.support.ApiTestSupport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests: the whole application on a random port, driven by a real headless Chromium.
 * Chromium and chromedriver are taken from the PATH (Debian's packages, which {@code .ci/run}
 * installs) and never downloaded; without them the tests are skipped. Screenshots of each step go
 * to {@code target/screenshots/}.
 */
public abstract class BrowserTestSupport extends ApiTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Path chromium;
    private static Path chromedriver;

    protected WebDriver browser;
    /** Every browser of the test: the first one, and any {@link #anotherBrowser()} opened. */
    private final List<Opened> opened = new java.util.ArrayList<>();
    private String testName;
    private int step;

    @BeforeAll
    static void findChromium() {
        chromium = executable("lantau.test.chromium", "chromium", "chromium-browser", "google-chrome").orElse(null);
        chromedriver = executable("lantau.test.chromedriver", "chromedriver").orElse(null);
        assumeTrue(chromium != null && chromedriver != null,
                "Chromium and chromedriver are not installed; .ci/run installs them");
    }

    @BeforeEach
    void openBrowser(TestInfo info) throws IOException {
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test");
        step = 0;
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        browser = anotherBrowser();
    }

    /**
     * A further, independent browser (its own profile, so its own cookies): for two people at once.
     * Helpers act on {@link #browser}; switch between browsers with {@link #use}.
     */
    protected WebDriver anotherBrowser() throws IOException {
        Path profile = Files.createTempDirectory("lantau-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-GB", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(service, options);
        opened.add(new Opened(driver, service, profile));
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Makes the helpers act on this browser. */
    protected void use(WebDriver driver) {
        browser = driver;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        for (Opened one : opened) {
            try {
                use(one.driver());
                screenshot("last");
                one.driver().quit();
            } finally {
                one.service().stop();
                deleteQuietly(one.profile());
            }
        }
        opened.clear();
    }

    /** Opens a page of the application, e.g. {@code open("/signin?lang=en")}. */
    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    protected WebElement find(String css) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    protected List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    protected void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    protected void click(String css) {
        find(css).click();
    }

    protected void waitForText(String css, String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css),
                text));
    }

    protected void waitForPath(String path) {
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().startsWith(baseUrl() + path));
    }

    /** Signs in through the sign-in page, with the authenticator code when the account has one. */
    protected void signInAs(String email, String password) {
        open("/signin?lang=en");
        type("#email", email);
        type("#password", password);
        click("form[action='/signin'] button[type=submit]");
        new WebDriverWait(browser, WAIT).until(d -> !d.getCurrentUrl().contains("/signin"));
        if (browser.getCurrentUrl().startsWith(baseUrl() + "/mfa") && !browser.getCurrentUrl().contains("/enrol")) {
            type("#code", totpCode(email));
            click("[data-test=mfa-form] button[type=submit]");
            new WebDriverWait(browser, WAIT).until(d -> !d.getCurrentUrl().startsWith(baseUrl() + "/mfa"));
        }
    }

    /** Saves the page as {@code target/screenshots/<Test>-<method>-<nn>-<name>.png}. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Opened(WebDriver driver, ChromeDriverService service, Path profile) {
    }

    private static Optional<Path> executable(String property, String... names) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .flatMap(dir -> Arrays.stream(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    private static void deleteQuietly(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
