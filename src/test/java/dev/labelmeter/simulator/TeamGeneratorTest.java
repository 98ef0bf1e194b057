package dev.labelmeter.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-03-18T09:30:00Z");
  private static final SyntheticTeam MEDIUM = TeamGenerator.generate(TeamSize.MEDIUM, 7, NOW);

  @Test
  void smallTeamJobsStatsAndEventsAgree() {
    SyntheticTeam team = TeamGenerator.generate(TeamSize.SMALL, 7, NOW);

    TeamInvariants.check(team.jobs(), team.stats(), team.events());

    assertThat(team.jobCount()).isBetween(6, 16);
    assertThat(team.members()).hasSizeBetween(3, 6);
  }

  @Test
  void mediumTeamJobsStatsAndEventsAgree() {
    TeamInvariants.check(MEDIUM.jobs(), MEDIUM.stats(), MEDIUM.events());
  }

  @Test
  void mediumTeamIsAboutTwentyPeopleAndTwoHundredJobsOverFourWeeks() {
    assertThat(MEDIUM.members()).hasSizeBetween(18, 24);
    assertThat(MEDIUM.jobCount()).isBetween(150, 260);
    assertThat(MEDIUM.historyStart()).isEqualTo(Instant.parse("2026-02-16T00:00:00Z"));
    assertThat(MEDIUM.events().get(MEDIUM.eventCount() - 1).get("date").asText())
        .isLessThan(NOW.toString());
  }

  @Test
  void mediumTeamHasJobsInEveryStatusIncludingDisabledAndAnUnknownOne() {
    List<ObjectNode> jobs = MEDIUM.jobs();

    Set<String> statuses =
        jobs.stream().map(j -> j.get("status").asText()).collect(Collectors.toSet());

    assertThat(statuses)
        .contains(
            "pending", "in_progress", "on_review", "completed", "stopped", "review_completed");
    assertThat(jobs).anyMatch(j -> j.get("disabled").asBoolean());
    assertThat(jobs).anyMatch(j -> !j.get("labelingQueueId").isNull());
    assertThat(jobs).anyMatch(j -> j.get("labelingQueueId").isNull());
    assertThat(jobs)
        .allMatch(
            j ->
                j.get("status").asText().equals("pending") == j.get("startedAt").isNull()
                    || j.get("disabled").asBoolean()
                    || j.get("status").asText().equals("stopped"));
  }

  @Test
  void rejectedImagesAreRedoneInARestartedJobOfTheSameImages() {
    Map<Long, Set<Long>> rejectedImageJobs = new HashMap<>();
    for (ObjectNode job : MEDIUM.jobs()) {
      for (JsonNode entity : job.get("entities")) {
        rejectedImageJobs
            .computeIfAbsent(entity.get("id").asLong(), id -> new HashSet<>())
            .add(job.get("id").asLong());
      }
    }

    long imagesInSeveralJobs =
        rejectedImageJobs.values().stream().filter(s -> s.size() > 1).count();
    List<ObjectNode> restarted =
        MEDIUM.jobs().stream().filter(j -> j.get("name").asText().endsWith("(#2)")).toList();

    assertThat(imagesInSeveralJobs).isGreaterThan(20);
    assertThat(restarted).isNotEmpty();
    assertThat(MEDIUM.jobs()).anyMatch(j -> j.get("rejectedImagesCount").asInt() > 0);
  }

  @Test
  void logHasEventsWithoutJobAndEventsOfARemovedJob() {
    Set<Long> jobIds =
        MEDIUM.jobs().stream().map(j -> j.get("id").asLong()).collect(Collectors.toSet());

    List<ObjectNode> events = MEDIUM.events();

    assertThat(events)
        .anyMatch(e -> e.get("jobId").isNull() && e.get("action").asText().equals("login"));
    assertThat(events).anyMatch(e -> e.get("action").asText().equals("create_project"));
    assertThat(events)
        .anyMatch(e -> !e.get("jobId").isNull() && !jobIds.contains(e.get("jobId").asLong()));
  }

  @Test
  void mostPeopleWorkedInTheSevenDaysBeforeNow() {
    Instant weekAgo = NOW.minus(Duration.ofDays(7));

    Set<Long> workers =
        MEDIUM.events().stream()
            .filter(e -> !e.get("jobId").isNull())
            .filter(e -> Instant.parse(e.get("date").asText()).isAfter(weekAgo))
            .map(e -> e.get("userId").asLong())
            .collect(Collectors.toSet());

    assertThat(workers).hasSizeGreaterThan(12);
  }

  @Test
  void aLabelerInBerlinStartsWorkAtTheSameLocalHourAcrossTheDaylightSavingChange() {
    // Europe/Berlin moves to summer time on 2026-03-29: the UTC start of the shift moves by 1 h.
    SyntheticTeam team =
        TeamGenerator.generate(TeamSize.SMALL, 7, Instant.parse("2026-04-20T09:30:00Z"));
    Person berlin = team.plan.labelers.get(0);
    assertThat(berlin.zone().getId()).isEqualTo("Europe/Berlin");

    long winter = WorkCalendar.shiftStart(berlin, java.time.LocalDate.parse("2026-03-27"));
    long summer = WorkCalendar.shiftStart(berlin, java.time.LocalDate.parse("2026-03-30"));

    assertThat(summer - winter).isEqualTo(Duration.ofDays(3).minusHours(1).toMillis());
    List<Integer> localStartMinutes =
        team.events().stream()
            .filter(e -> e.get("userId").asLong() == berlin.id())
            .filter(e -> e.get("action").asText().equals("login"))
            .map(e -> Instant.parse(e.get("date").asText()).atZone(berlin.zone()).toLocalTime())
            .map(t -> t.getHour() * 60 + t.getMinute())
            .toList();
    assertThat(localStartMinutes)
        .isNotEmpty()
        .allMatch(m -> m <= berlin.shiftStartMinute() && m > berlin.shiftStartMinute() - 16);
  }

  @Test
  void theSameSizeSeedAndNowGiveTheSameTeam() {
    SyntheticTeam again = TeamGenerator.generate(TeamSize.MEDIUM, 7, NOW);

    assertThat(again.events()).isEqualTo(MEDIUM.events());
    assertThat(again.jobs()).isEqualTo(MEDIUM.jobs());
    assertThat(again.stats()).isEqualTo(MEDIUM.stats());
    assertThat(again.members()).isEqualTo(MEDIUM.members());
  }

  @Test
  void anotherSeedGivesAnotherTeam() {
    SyntheticTeam other = TeamGenerator.generate(TeamSize.SMALL, 8, NOW);
    SyntheticTeam small = TeamGenerator.generate(TeamSize.SMALL, 7, NOW);

    assertThat(other.teamId()).isNotEqualTo(small.teamId());
    assertThat(other.events()).isNotEqualTo(small.events());
  }

  @Test
  void aLaterCutoffExtendsTheSameHistory() {
    Instant later = NOW.plus(Duration.ofHours(30));
    SyntheticTeam extended = TeamGenerator.generate(TeamSize.MEDIUM, 7, NOW, later);

    List<ObjectNode> before =
        extended.events().stream()
            .filter(e -> Instant.parse(e.get("date").asText()).isBefore(NOW))
            .toList();

    assertThat(before).isEqualTo(MEDIUM.events());
    assertThat(extended.eventCount()).isGreaterThan(MEDIUM.eventCount());
    TeamInvariants.check(extended.jobs(), extended.stats(), extended.events());
  }

  @ParameterizedTest(name = "{0} team, restarted {1} later")
  @CsvSource({
    "SMALL, PT40S",
    "SMALL, PT5H",
    "SMALL, PT27H",
    "MEDIUM, PT40S",
    "MEDIUM, PT5H",
    "MEDIUM, PT27H"
  })
  void aRestartAtALaterNowKeepsEveryEarlierEventByteForByte(TeamSize size, Duration delay) {
    Instant first = Instant.parse("2026-12-03T14:07:31.250Z");
    Instant restart = first.plus(delay);

    SyntheticTeam before = TeamGenerator.generate(size, 7, first);
    SyntheticTeam after = TeamGenerator.generate(size, 7, restart);

    List<String> earlier = before.events().stream().map(JsonNode::toString).toList();
    List<String> laterUpToFirst =
        after.events().stream()
            .filter(e -> Instant.parse(e.get("date").asText()).isBefore(first))
            .map(JsonNode::toString)
            .toList();

    assertThat(firstDifference(earlier, laterUpToFirst)).isEqualTo("none");
    assertThat(after.eventCount()).isGreaterThanOrEqualTo(before.eventCount());
    assertThat(after.historyStart()).isEqualTo(before.historyStart());
    assertThat(after.jobs())
        .extracting(j -> j.get("id").asLong() + " " + j.get("createdAt").asText())
        .containsAll(
            before.jobs().stream()
                .map(j -> j.get("id") + " " + j.get("createdAt").asText())
                .toList());
  }

  @Test
  void theHistoryStartsItsDaysBeforeTheMondayOfNowSoANewWeekStartsANewPlan() {
    Instant sunday = Instant.parse("2026-12-06T23:59:59Z");
    Instant monday = Instant.parse("2026-12-07T00:00:00Z");

    SyntheticTeam lastOfWeek = TeamGenerator.generate(TeamSize.SMALL, 7, sunday);
    SyntheticTeam nextWeek = TeamGenerator.generate(TeamSize.SMALL, 7, monday);

    assertThat(lastOfWeek.historyStart()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(nextWeek.historyStart()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
  }

  /** Returns where two event logs first differ, or "none" (a readable failure for long logs). */
  private static String firstDifference(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return "event " + i + " " + expected.get(i) + " became " + actual.get(i);
      }
    }
    if (expected.size() != actual.size()) {
      return expected.size() + " events became " + actual.size();
    }
    return "none";
  }

  @Test
  void teamSizeParsesNamesInAnyCaseAndExplainsBadOnes() {
    assertThat(TeamSize.parse("Medium")).isEqualTo(TeamSize.MEDIUM);
    assertThat(TeamSize.parse("xl")).isEqualTo(TeamSize.XL);
    assertThatThrownBy(() -> TeamSize.parse("huge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown team size 'huge': use one of small, medium, large, xl");
  }
}
