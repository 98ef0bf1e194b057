package dev.labelmeter.report.html;

import static dev.labelmeter.report.html.ReportFixtures.HOSTILE_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the written report in Debian's headless Chromium and checks what a reader sees: no errors,
 * no network, every chart drawn, tables sortable, hostile names shown as text. Skips when no
 * browser is installed, unless {@code LABELMETER_REQUIRE_BROWSER=1} (set in CI) makes that a
 * failure. Install the browser with {@code scripts/install-test-deps.sh}.
 */
@EnabledIf(
    value = "browserInstalledOrRequired",
    disabledReason =
        "no Chromium (/usr/bin/chromium) or ChromeDriver (/usr/bin/chromedriver) installed: run"
            + " scripts/install-test-deps.sh, or set LABELMETER_CHROMIUM and"
            + " LABELMETER_CHROMEDRIVER; LABELMETER_REQUIRE_BROWSER=1 makes this a failure")
class HtmlReportBrowserTest {

  private static final String CHROMIUM =
      System.getenv().getOrDefault("LABELMETER_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getenv().getOrDefault("LABELMETER_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final Path OUT = Path.of("target");

  private static ChromeDriver driver;
  private static Path profile;
  private static Path report;
  private static List<LogEntry> loadLog;
  private static List<LogEntry> loadNetwork;

  @BeforeAll
  static void openTheReport() throws IOException {
    requireBrowser();
    report = OUT.resolve("html-report/team-42.html").toAbsolutePath();
    new HtmlReportWriter().write(ReportFixtures.team(), report);
    profile = Files.createTempDirectory("labelmeter-chromium-");
    driver = new ChromeDriver(service(), options(profile));
    driver.manage().window().setSize(new Dimension(1400, 1000));

    driver.manage().logs().get(LogType.PERFORMANCE); // drop the start page's requests
    driver.get(report.toUri().toString());
    waitForCharts();
    loadLog = driver.manage().logs().get(LogType.BROWSER).getAll();
    loadNetwork = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
  }

  @AfterAll
  static void closeTheBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  void thePageOpensWithoutConsoleErrors() {
    assertThat(loadLog)
        .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .extracting(LogEntry::getMessage)
        .isEmpty();
    assertThat(js("return document.title")).isEqualTo("labelmeter report: team 42");
  }

  @Test
  void thePageMakesNoNetworkRequest() throws IOException {
    String documentUrl = report.toUri().toString();
    List<String> requested = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (LogEntry entry : loadNetwork) {
      JsonNode message = json.readTree(entry.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        requested.add(message.at("/params/request/url").asText());
      }
    }

    assertThat(requested).as("the report itself is loaded").isNotEmpty();
    assertThat(requested)
        .filteredOn(url -> !url.startsWith("data:") && !sameDocument(url, documentUrl))
        .isEmpty();
    assertThat(
            (List<?>)
                js(
                    "return performance.getEntriesByType('resource')"
                        + ".map(e => e.name).filter(n => !n.startsWith('data:'))"))
        .isEmpty();
  }

  @Test
  void everyChartCanvasIsDrawn() {
    List<?> canvases =
        (List<?>)
            js(
                "return Array.from(document.querySelectorAll('canvas')).map(c => {"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let painted = 0;"
                    + " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) painted++; }"
                    + " return {id: c.id, pixels: c.width * c.height, painted: painted,"
                    + "   chart: !!Chart.getChart(c)}; })");

    assertThat(canvases).hasSize(4);
    for (Object canvas : canvases) {
      Map<?, ?> c = (Map<?, ?>) canvas;
      long pixels = ((Number) c.get("pixels")).longValue();
      long painted = ((Number) c.get("painted")).longValue();
      assertThat(c.get("chart")).as("%s has a chart", c.get("id")).isEqualTo(true);
      assertThat(pixels).as("%s has a size", c.get("id")).isGreaterThan(10_000);
      assertThat(painted).as("%s is drawn", c.get("id")).isGreaterThan(pixels / 100);
    }
    assertThat(
            js(
                "return Chart.getChart('chart-heatmap').data.datasets"
                    + ".map(d => d.label + ':' + d.data.length).join(',')"))
        .isEqualTo(ReportFixtures.HOSTILE_LOGIN + ":7,alice:7,bob:7");
  }

  @Test
  void tablesShowOneRowPerResultRow() {
    assertThat(rowCount("labelers-table")).isEqualTo(3);
    assertThat(rowCount("reviewers-table")).isEqualTo(2);
    assertThat(rowCount("jobs-table")).isEqualTo(5);
    assertThat(rowCount("classes-table")).isEqualTo(3);
    assertThat(rowCount("daily-table")).isEqualTo(7);
    assertThat(rowCount("heatmap-table")).isEqualTo(3);
  }

  @Test
  void changesForTheBetterAreGreenAndChangesOfHoursAreNotColoured_issue8() {
    // fewer rejections (-10) and a shorter turnaround (-1.00 h) are shown green
    assertThat(changeColour("Rejected")).isEqualTo("rgb(21, 128, 61)");
    assertThat(changeColour("Review turnaround p90 (h)")).isEqualTo("rgb(21, 128, 61)");
    // more active hours (+1.75) are neither better nor worse: the text colour
    assertThat(changeColour("Active hours")).isEqualTo("rgb(30, 41, 59)");
  }

  @Test
  void clickingAHeaderSortsByValueAndMissingValuesStayLast() {
    clickHeader("labelers-table", "Active hours");
    assertThat(column("labelers-table", 0))
        .containsExactly("bob", ReportFixtures.HOSTILE_LOGIN, "alice");
    assertThat(column("labelers-table", 2)).containsExactly("0.00", "3.25", "12.50");

    clickHeader("labelers-table", "Active hours");
    assertThat(column("labelers-table", 2)).containsExactly("12.50", "3.25", "0.00");

    clickHeader("labelers-table", "Images per active hour");
    assertThat(column("labelers-table", 8)).containsExactly("4.00", "20.00", "n/a");
    clickHeader("labelers-table", "Images per active hour");
    assertThat(column("labelers-table", 8)).containsExactly("20.00", "4.00", "n/a");
  }

  @Test
  void clickingATextHeaderSortsByTextAndNumbersByValueNotText() {
    clickHeader("jobs-table", "Images");
    assertThat(column("jobs-table", 8)).containsExactly("0", "50", "100", "400", "1,000");

    clickHeader("labelers-table", "Labeler");
    clickHeader("labelers-table", "Labeler");
    assertThat(column("labelers-table", 0).subList(0, 2)).containsExactly("bob", "alice");
  }

  @Test
  void theHostileJobNameIsShownAsTextAndRunsNothing() {
    WebElement name =
        driver.findElement(By.xpath("//table[@id='jobs-table']//td[text()='" + HOSTILE_JOB + "']"));

    assertThat(name.getText()).isEqualTo(HOSTILE_JOB);
    assertThat(js("return document.querySelectorAll('script').length")).isEqualTo(3L);
    assertThat(js("return document.querySelectorAll('img').length")).isEqualTo(0L);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void screenshotsAndAPrintOutAreSavedForPeopleToLookAt() throws IOException {
    driver.get(report.toUri().toString());
    js("window.scrollTo(0, 0)");
    Path wide = screenshot(1400, "html-report-screenshot.png");
    Path narrow = screenshot(390, "html-report-screenshot-narrow.png");
    Pdf pdf = driver.print(new PrintOptions());
    Path printed = OUT.resolve("html-report-print.pdf");
    Files.write(printed, java.util.Base64.getDecoder().decode(pdf.getContent()));
    driver.manage().window().setSize(new Dimension(1400, 1000));

    assertThat(Files.size(wide)).isGreaterThan(50_000);
    assertThat(Files.size(narrow)).isGreaterThan(20_000);
    assertThat(Files.size(printed)).isGreaterThan(20_000);
    assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        .as("no horizontal page scroll at 1400 px")
        .isEqualTo(true);
  }

  @Test
  void thePrintStylesheetHidesTheNavigationAndStartsSectionsOnNewPages() throws IOException {
    driver.get(report.toUri().toString());
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      Path file = screenshot(900, "html-report-screenshot-print.png");

      assertThat(js("return getComputedStyle(document.querySelector('nav')).display"))
          .isEqualTo("none");
      assertThat(js("return getComputedStyle(document.getElementById('jobs')).breakBefore"))
          .isEqualTo("page");
      assertThat(Files.size(file)).isGreaterThan(20_000);
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      driver.manage().window().setSize(new Dimension(1400, 1000));
    }
  }

  private static Path screenshot(int width, String name) throws IOException {
    driver.manage().window().setSize(new Dimension(width, 1000));
    long height = (Long) js("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 16_000)));
    waitForCharts();
    Path file = OUT.resolve(name);
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Returns whether to run: a browser is installed, or CI requires one (then missing fails). */
  static boolean browserInstalledOrRequired() {
    return browserInstalled() || browserRequired();
  }

  private static boolean browserInstalled() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  private static boolean browserRequired() {
    return "1".equals(System.getenv("LABELMETER_REQUIRE_BROWSER"));
  }

  private static void requireBrowser() {
    boolean installed = browserInstalled();
    String missing =
        "no Chromium at "
            + CHROMIUM
            + " or no ChromeDriver at "
            + CHROMEDRIVER
            + ": run scripts/install-test-deps.sh (or set LABELMETER_CHROMIUM and"
            + " LABELMETER_CHROMEDRIVER) to run the HTML report's browser test";
    if (!installed && browserRequired()) {
      throw new IllegalStateException("LABELMETER_REQUIRE_BROWSER=1 but " + missing);
    }
    Assumptions.assumeTrue(installed, "skipped: " + missing);
  }

  private static ChromeDriverService service() {
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
        .usingAnyFreePort()
        .build();
  }

  private static ChromeOptions options(Path userDataDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--user-data-dir=" + userDataDir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true));
    return options;
  }

  private static void waitForCharts() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "return typeof Chart !== 'undefined' && Array.from("
                            + "document.querySelectorAll('canvas')).every(c => Chart.getChart(c)"
                            + " && c.width > 0)")));
  }

  private static boolean sameDocument(String url, String documentUrl) {
    int hash = url.indexOf('#');
    return (hash < 0 ? url : url.substring(0, hash)).equals(documentUrl);
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** Returns the computed colour of the Change cell of {@code metric} in the KPI table. */
  private static Object changeColour(String metric) {
    return ((JavascriptExecutor) driver)
        .executeScript(
            "for (const row of document.querySelectorAll('#summary-table tbody tr')) {"
                + " if (row.cells[0].textContent.trim() === arguments[0]) {"
                + " return getComputedStyle(row.cells[3]).color; } }"
                + " return null;",
            metric);
  }

  private static long rowCount(String tableId) {
    return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).size();
  }

  private static void clickHeader(String tableId, String label) {
    for (WebElement th : driver.findElements(By.cssSelector("#" + tableId + " thead th"))) {
      if (th.getText().replaceAll("[\\u25B2\\u25BC]", "").trim().equals(label)) {
        WebElement button = th.findElement(By.tagName("button"));
        ((JavascriptExecutor) driver)
            .executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
        return;
      }
    }
    throw new AssertionError("no header " + label + " in #" + tableId);
  }

  @SuppressWarnings("unchecked")
  private static List<String> column(String tableId, int index) {
    return (List<String>)
        js(
            "return Array.from(document.querySelectorAll('#"
                + tableId
                + " tbody tr')).map(r => r.cells["
                + index
                + "].textContent)");
  }
}
