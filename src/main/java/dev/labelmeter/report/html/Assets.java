package dev.labelmeter.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scripts and the stylesheet every report inlines: Chart.js from its webjar, the page's own
 * script and stylesheet. Each is read once from the class path.
 *
 * @param chartJs the Chart.js UMD build, its source-map comment removed (a browser would fetch it)
 * @param reportJs the page's script: charts and sortable tables
 * @param css the page's stylesheet, screen, narrow screen and print
 */
record Assets(String chartJs, String reportJs, String css) {

  /** Where the Chart.js webjar puts its UMD build. */
  static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.7/dist/chart.umd.js";

  private static final String OWN = "/dev/labelmeter/report/html/";
  private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=.*$");

  /** Returns the assets read from the class path. */
  static Assets load() {
    String chart = SOURCE_MAP.matcher(read(CHART_JS)).replaceAll("");
    return new Assets(
        inlineScript(CHART_JS, chart),
        inlineScript("report.js", read(OWN + "report.js")),
        read(OWN + "report.css"));
  }

  /**
   * Returns the Content-Security-Policy of the page: no network at all, and only the two inlined
   * scripts (by their SHA-256) may run, so even an unescaped text could not run a script.
   */
  String contentSecurityPolicy() {
    return "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src "
        + hash(chartJs)
        + " "
        + hash(reportJs);
  }

  private static String inlineScript(String name, String script) {
    String lower = script.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException(
          name + " contains </script or <!-- and cannot be inlined in the report; replace it");
    }
    return script;
  }

  private static String hash(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource "
                + resource
                + " is missing from the class path; the build must include the chart.js webjar"
                + " and the report's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }
}
