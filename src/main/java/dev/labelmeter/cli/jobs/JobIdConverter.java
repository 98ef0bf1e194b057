package dev.labelmeter.cli.jobs;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a job id argument, and says what a job id looks like when the argument is not one. */
final class JobIdConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String text) {
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // Described below, as a number that is not positive is.
    }
    throw new TypeConversionException(
        "'"
            + text
            + "' is not a job id: give the job's id number, e.g. 12345 (list the ids with"
            + " 'labelmeter jobs list --team ID')");
  }
}
