package dev.labelmeter.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.report.ReportFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link MetricsResult} as one JSON document (format in {@code docs/metrics.md}):
 * camelCase fields, rates as fractions, hours at full precision, missing values as {@code null},
 * local dates as {@code YYYY-MM-DD} and instants as ISO-8601 UTC text.
 *
 * <pre>{@code
 * new JsonReportWriter().write(result, Path.of("report.json"));
 * }</pre>
 */
public final class JsonReportWriter {
  /** The version of the JSON layout, written as {@code formatVersion}. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .build();

  /** The document: a format version, then the result's sections. */
  private record Document(
      int formatVersion, @com.fasterxml.jackson.annotation.JsonUnwrapped MetricsResult result) {}

  /** Writes {@code result} to {@code target} atomically, replacing any previous file. */
  public void write(MetricsResult result, Path target) throws IOException {
    ReportFiles.writeAtomically(target, out -> write(result, out));
  }

  /** Writes {@code result} to {@code out} as UTF-8 JSON; {@code out} is left open. */
  public void write(MetricsResult result, OutputStream out) throws IOException {
    checkFinite(result);
    MAPPER.writeValue(out, new Document(FORMAT_VERSION, result));
  }

  /** Refuses NaN and infinities, which JSON cannot hold: a result must mark them missing. */
  private static void checkFinite(MetricsResult result) {
    String where = firstNonFinite(result, "result");
    if (where != null) {
      throw new IllegalArgumentException(
          where
              + " is NaN or infinite, which the JSON report cannot show; the engine must give a"
              + " missing value (null) instead");
    }
  }

  /** Returns the path of the first NaN or infinite number inside {@code value}, or null. */
  private static String firstNonFinite(Object value, String path) {
    if (value instanceof Double d) {
      return Double.isFinite(d) ? null : path;
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) ? null : path;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String found = firstNonFinite(list.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof Record record) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        String found = firstNonFinite(read(c, record), path + "." + c.getName());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
