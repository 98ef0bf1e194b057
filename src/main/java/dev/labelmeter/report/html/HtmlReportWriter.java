package dev.labelmeter.report.html;

import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.report.ReportFiles;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a metrics result as one self-contained HTML page: the workbook's sections, charts drawn
 * by the inlined Chart.js, sortable tables, and no request of any kind when the page opens.
 *
 * <pre>{@code
 * new HtmlReportWriter().write(result, Path.of("reports/team-42.html"));
 * }</pre>
 *
 * <p>Every text from the server is escaped by the template engine; the chart data is JSON escaped
 * for a script element. A writer is safe to share between threads.
 */
public final class HtmlReportWriter {

  private static final String TEMPLATE = "dev/labelmeter/report/html/report.peb";

  private final PebbleTemplate template;
  private final Assets assets;

  /** Returns a writer with the report's template and assets loaded from the class path. */
  public HtmlReportWriter() {
    PebbleEngine engine =
        new PebbleEngine.Builder()
            .loader(new ClasspathLoader())
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .newLineTrimming(true)
            .build();
    this.template = engine.getTemplate(TEMPLATE);
    this.assets = Assets.load();
  }

  /**
   * Writes the report of {@code result} to {@code target}, creating its directory. The page is
   * written to a temporary file beside {@code target} and then moved into place, so {@code
   * target} holds either its old content or the whole new report, never a part.
   *
   * @throws IOException if the file cannot be written; nothing is left behind at {@code target}
   */
  public void write(MetricsResult result, Path target) throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(target, "target");
    if (Files.isDirectory(target)) {
      throw new IOException(
          "cannot write the HTML report to "
              + target
              + ": it is a directory; give a file path such as "
              + target.resolve("report.html"));
    }
    ReportView view = ReportView.of(result, assets);
    ReportFiles.writeText(target, out -> render(view, out));
  }

  /** Writes the report of {@code result} to {@code out}, which is left open. */
  public void render(MetricsResult result, Writer out) throws IOException {
    render(ReportView.of(Objects.requireNonNull(result, "result"), assets), out);
  }

  private void render(ReportView view, Writer out) throws IOException {
    template.evaluate(out, Map.of("r", view));
  }
}
