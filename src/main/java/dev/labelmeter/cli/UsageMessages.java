package dev.labelmeter.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Words a mistaken command line as one line: what is wrong, a suggestion when there is one, and
 * where the options are listed, e.g. {@code unknown option '--teem'; did you mean --team? (see
 * 'labelmeter pull --help')}.
 */
final class UsageMessages {
  private static final String TEAM = "--team";

  private UsageMessages() {}

  /** Returns the line for {@code ex}, without the {@code labelmeter: } prefix. */
  static String of(ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    String what =
        ex instanceof UnmatchedArgumentException unmatched
            ? unmatched(unmatched, spec)
            : sentence(ex.getMessage());
    return withHelp(what, spec);
  }

  /** Returns {@code what}, the mistake, followed by the command that lists the options. */
  static String withHelp(String what, CommandSpec spec) {
    return what + " (see '" + spec.qualifiedName() + " --help')";
  }

  private static String unmatched(UnmatchedArgumentException ex, CommandSpec spec) {
    List<String> args = ex.getUnmatched();
    if (args.isEmpty()) {
      return sentence(ex.getMessage());
    }
    String first = args.get(0);
    if (ex.isUnknownOption()) {
      return "unknown option '" + first + "'" + didYouMean(ex.getSuggestions());
    }
    if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
      List<String> commands =
          ex.getSuggestions().stream().map(name -> spec.qualifiedName() + " " + name).toList();
      return "unknown command '" + first + "'" + didYouMean(quoted(commands));
    }
    String unexpected = "unexpected argument '" + first + "'";
    return strayTeamId(first, spec)
        ? unexpected + "; did you mean " + TEAM + " " + first + "?"
        : unexpected;
  }

  /** Returns whether {@code arg} looks like a team id given without {@code --team}. */
  private static boolean strayTeamId(String arg, CommandSpec spec) {
    OptionSpec team = spec.findOption(TEAM);
    return arg.matches("[1-9][0-9]{0,18}") && team != null && team.originalStringValues().isEmpty();
  }

  private static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    if (suggestions.size() == 1) {
      return "; did you mean " + suggestions.get(0) + "?";
    }
    String allButLast = String.join(", ", suggestions.subList(0, suggestions.size() - 1));
    return "; did you mean " + allButLast + " or " + suggestions.get(suggestions.size() - 1) + "?";
  }

  private static List<String> quoted(List<String> texts) {
    return texts.stream().map(text -> "'" + text + "'").collect(Collectors.toList());
  }

  /**
   * Returns picocli's or a command's message to follow the prefix: first letter in lower case
   * (unless it starts a name such as JOB_ID), no closing period.
   */
  static String sentence(String message) {
    String text = message == null ? "invalid command line" : message.strip();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    boolean word = text.length() > 1 && Character.isLowerCase(text.charAt(1));
    return word ? text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1) : text;
  }
}
