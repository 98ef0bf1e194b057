package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labelmeter pull}: the start of the activity it refuses before calling the server. */
class PullCommandTest {
  @TempDir Path home;

  @Test
  void aSinceBefore2000IsAUsageErrorAndNothingIsWritten() {
    CliRun.Result result = pull("--since", "0001-01-01");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("--since '0001-01-01' is before 2000-01-01")
        .contains("give a later date");
    assertThat(home.resolve("data")).doesNotExist();
  }

  @Test
  void theFarthestDatesAreUsageErrorsNotCrashes() {
    CliRun.Result past = pull("--since=-999999999-01-01");
    CliRun.Result future = pull("--since", "+999999999-12-31T23:59:59Z");
    CliRun.Result unparsable = pull("--since", "2026-13-01");

    assertThat(past.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(past.err()).contains("'-999999999-01-01' is before 2000-01-01");
    assertThat(future.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(future.err())
        .contains("--since '+999999999-12-31T23:59:59Z' is in the future; give a date in the past");
    assertThat(unparsable.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unparsable.err()).contains("is neither an ISO date (2026-11-01) nor an instant");
  }

  @Test
  void aTimeWithoutItsZoneIsAUsageErrorSayingAZoneIsNeeded() {
    CliRun.Result result = pull("--since", "2026-11-20T06:00");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("--since '2026-11-20T06:00' is neither an ISO date")
        .contains("a time needs its zone, Z or an offset");
  }

  @Test
  void timesWithTheirZoneAreTakenWithOrWithoutSeconds() {
    for (String since : new String[] {"2026-11-20T06:00Z", "2026-11-20T08:00:30+02:00"}) {
      CliRun.Result result = pull("--since", since);

      // Taken: the pull goes on to the server, which is not there.
      assertThat(result.exitCode()).as(since).isEqualTo(ExitCodes.FAILURE);
      assertThat(result.err()).as(since).contains("cannot reach").doesNotContain("--since");
    }
  }

  @Test
  void aHistoryOfMoreThanTenYearsIsAUsageErrorNamingTheVariable() {
    CliRun.Result result =
        new CliRun(home)
            .env("SERVER_ADDRESS", "http://127.0.0.1:9")
            .env("API_TOKEN", "t".repeat(40))
            .env("LABELMETER_HISTORY_DAYS", "1000000")
            .run("pull", "--team", "5", "--data-dir", home.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("LABELMETER_HISTORY_DAYS")
        .contains("history days must be 3650 or less, got 1000000")
        .contains("pull --since");
    assertThat(home.resolve("data")).doesNotExist();
  }

  @Test
  void anOverlapOfMoreThanAWeekAndARecheckOfMoreThan90DaysAreUsageErrors() {
    CliRun.Result overlap =
        new CliRun(home)
            .env("LABELMETER_OVERLAP", "100000d")
            .run("pull", "--team", "5", "--data-dir", home.resolve("data").toString());
    CliRun.Result recheck =
        new CliRun(home)
            .env("LABELMETER_RECHECK_DAYS", "1000")
            .run("pull", "--team", "5", "--data-dir", home.resolve("data").toString());

    assertThat(overlap.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(overlap.err())
        .contains("LABELMETER_OVERLAP")
        .contains("the overlap must be 7d or less, got 100000d");
    assertThat(recheck.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(recheck.err()).contains("recheck days must be 90 or less, got 1000");
    assertThat(home.resolve("data")).doesNotExist();
  }

  private CliRun.Result pull(String... since) {
    String[] args = new String[since.length + 5];
    args[0] = "pull";
    args[1] = "--team";
    args[2] = "5";
    args[3] = "--data-dir";
    args[4] = home.resolve("data").toString();
    System.arraycopy(since, 0, args, 5, since.length);
    return new CliRun(home)
        .env("SERVER_ADDRESS", "http://127.0.0.1:9")
        .env("API_TOKEN", "t".repeat(40))
        .run(args);
  }
}
