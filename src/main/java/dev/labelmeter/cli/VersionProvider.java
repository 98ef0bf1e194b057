package dev.labelmeter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Returns the version the build recorded in the jar, or says that this is a development build. */
final class VersionProvider implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.labelmeter/labelmeter/pom.properties";

  @Override
  public String[] getVersion() throws IOException {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return new String[] {"labelmeter (development build)", javaLine()};
      }
      Properties properties = new Properties();
      properties.load(in);
      return new String[] {"labelmeter " + properties.getProperty("version"), javaLine()};
    }
  }

  private static String javaLine() {
    return "Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + ")";
  }
}
