package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a store's tidy tables (events, sessions, labeler_daily, jobs, job_images, classes) to a
 * directory, one sub-directory per table, each with a {@code _schema.json} that {@link SparkSql}
 * reads them back with.
 */
public final class SparkExport {
  /** The file beside each table's data holding its Spark schema as JSON. */
  static final String SCHEMA_FILE = "_schema.json";

  private static final Logger log = LoggerFactory.getLogger(SparkExport.class);

  private final SparkSession spark;

  public SparkExport(SparkSession spark) {
    this.spark = spark;
  }

  /** Writes the tables of {@code store} to {@code out}; returns the row count of each table. */
  public Map<String, Long> export(
      StoreLayout store, MetricsParams params, ExportFormat format, Path out) throws IOException {
    Map<String, Dataset<Row>> tables = TidyTables.build(StoreSource.of(spark, store), params);
    Files.createDirectories(out);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
      Path dir = out.resolve(table.getKey());
      Dataset<Row> data = table.getValue();
      write(data, format, dir, !table.getKey().equals("events"));
      Files.writeString(dir.resolve(SCHEMA_FILE), data.schema().json(), StandardCharsets.UTF_8);
      counts.put(
          table.getKey(),
          spark
              .read()
              .format(format.id())
              .schema(data.schema())
              .option("header", "true")
              .load(dir.toString())
              .count());
      log.info(
          "Exported table {} ({} rows) to {}", table.getKey(), counts.get(table.getKey()), dir);
    }
    return counts;
  }

  private static void write(Dataset<Row> data, ExportFormat format, Path dir, boolean oneFile) {
    Dataset<Row> shaped = oneFile ? data.coalesce(1) : data;
    if (format == ExportFormat.CSV) {
      shaped
          .select(formulaSafe(shaped))
          .write()
          .mode(SaveMode.Overwrite)
          .option("header", "true")
          .option("escape", "\"")
          .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
          .csv(dir.toString());
    } else {
      shaped.write().mode(SaveMode.Overwrite).parquet(dir.toString());
    }
  }

  /**
   * Returns the columns of {@code data} with every text that a spreadsheet would evaluate (starting
   * with {@code = + - @}, a tab or a carriage return) prefixed by an apostrophe.
   */
  static Column[] formulaSafe(Dataset<Row> data) {
    StructField[] fields = data.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Column c = col("`" + fields[i].name() + "`");
      if (fields[i].dataType().equals(DataTypes.StringType)) {
        c = when(c.rlike("^[=+\\-@\\t\\r]"), concat(lit("'"), c)).otherwise(c);
      }
      columns[i] = c.as(fields[i].name());
    }
    return columns;
  }
}
