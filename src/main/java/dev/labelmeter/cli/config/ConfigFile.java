package dev.labelmeter.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a configuration file, by dotted key, each with its line. Reading checks the shape
 * of the file (known keys and sections, no repeats); the values themselves are checked by {@link
 * SettingsLoader}.
 */
public final class ConfigFile {
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * One value of the file.
   *
   * @param text the value as text (list items joined by commas); empty when the value is null
   * @param line the 1-based line of the key
   */
  public record Entry(Optional<String> text, int line) {}

  private final Path path;
  private final Map<String, Entry> entries;

  private ConfigFile(Path path, Map<String, Entry> entries) {
    this.path = path;
    this.entries = Map.copyOf(entries);
  }

  /** Returns a file with no values, for when no configuration file exists. */
  public static ConfigFile empty(Path path) {
    return new ConfigFile(path, Map.of());
  }

  /**
   * Reads {@code path}.
   *
   * @throws ConfigException if the file is not valid YAML, is not a mapping, repeats a key or has a
   *     key labelmeter does not know
   */
  public static ConfigFile read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read the configuration file "
              + path
              + " ("
              + e
              + "); check that it exists"
              + " and is readable, or pass another one with --config FILE",
          e);
    }
    return new ConfigFile(path, parse(path, text));
  }

  public Path path() {
    return path;
  }

  /** Returns the entry of {@code key}, if the file sets it. */
  public Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  private static Map<String, Entry> parse(Path path, String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return entries;
      }
      if (first != JsonToken.START_OBJECT) {
        throw error(
            path,
            line(parser),
            "the file must be a mapping of keys to values"
                + " (key: value), found "
                + describe(first));
      }
      readMapping(path, parser, "", entries);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw error(
          path,
          line,
          "not valid YAML ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "); indent with spaces and put a space after each ':'");
    } catch (IOException e) {
      throw new ConfigException("cannot read the configuration file " + path + ": " + e, e);
    }
    return entries;
  }

  private static void readMapping(
      Path path, JsonParser parser, String prefix, Map<String, Entry> entries) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + parser.currentName();
      int line = line(parser);
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT) {
        checkSection(path, key, line);
        readMapping(path, parser, key + ".", entries);
        continue;
      }
      checkKey(path, key, line);
      if (entries.containsKey(key)) {
        throw error(
            path,
            line,
            "'" + key + "' is set twice (first on line " + entries.get(key).line() + "); keep one");
      }
      entries.put(key, new Entry(readValue(path, parser, key, value), line));
    }
  }

  private static Optional<String> readValue(
      Path path, JsonParser parser, String key, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    if (value == JsonToken.START_ARRAY) {
      List<String> items = new ArrayList<>();
      for (JsonToken item = parser.nextToken();
          item != JsonToken.END_ARRAY;
          item = parser.nextToken()) {
        if (!item.isScalarValue()) {
          throw error(path, line(parser), "'" + key + "' takes a list of plain values");
        }
        items.add(parser.getText());
      }
      return Optional.of(String.join(",", items));
    }
    return Optional.of(parser.getText());
  }

  private static void checkSection(Path path, String key, int line) {
    if (Setting.sections().contains(key)) {
      return;
    }
    if (Setting.byKey(key).isPresent()) {
      throw error(path, line, "'" + key + "' takes a value, not a section of keys");
    }
    throw unknownKey(path, key, line);
  }

  private static void checkKey(Path path, String key, int line) {
    if (Setting.byKey(key).isPresent()) {
      return;
    }
    if (Setting.sections().contains(key)) {
      throw error(path, line, "'" + key + "' is a section; put its keys under it, indented");
    }
    if (key.equals("token") || key.equals("api-token")) {
      throw error(
          path,
          line,
          "the API token does not belong in the configuration file; remove"
              + " '"
              + key
              + "' and set the API_TOKEN environment variable or ~/supervisely.env");
    }
    throw unknownKey(path, key, line);
  }

  private static ConfigException unknownKey(Path path, String key, int line) {
    String hint =
        Suggestions.closest(key, Setting.fileKeys())
            .map(known -> "did you mean '" + known + "'?")
            .orElse("known keys: " + String.join(", ", Setting.fileKeys()));
    return error(path, line, "unknown key '" + key + "'; " + hint + " (see docs/configuration.md)");
  }

  private static ConfigException error(Path path, int line, String message) {
    String where = line > 0 ? path + " line " + line : path.toString();
    return new ConfigException("configuration error in " + where + ": " + message);
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static String describe(JsonToken token) {
    return token.isScalarValue() ? "a single value" : "a list";
  }
}
