package dev.labelmeter.supervisely;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReadingTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2021-01-15T14:24:58.480Z, 2021-01-15T14:24:58.480Z",
    "2021-01-15T14:24:58Z, 2021-01-15T14:24:58Z",
    "2021-01-15T14:24:58.1Z, 2021-01-15T14:24:58.100Z",
    "2021-01-15T14:24:58.123456789Z, 2021-01-15T14:24:58.123456789Z",
    "2021-01-15T16:24:58.480+02:00, 2021-01-15T14:24:58.480Z",
    "2021-01-15T16:24:58+0200, 2021-01-15T14:24:58Z",
    "2021-01-15T09:24:58-0500, 2021-01-15T14:24:58Z",
    "2021-01-15T16:24:58+02, 2021-01-15T14:24:58Z",
    "2021-01-15T14:24:58.480, 2021-01-15T14:24:58.480Z",
    "2021-01-15T14:24Z, 2021-01-15T14:24:00Z"
  })
  void timestampsOfEveryShapeParseToTheSameInstant(String text, String expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void aDateThatIsNotATimestampIsRejected() {
    assertThatThrownBy(() -> Timestamps.parse("yesterday"))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void aWrongKindOfValueNamesTheFieldAndTheMethod() throws Exception {
    JsonNode job = ClientJson.MAPPER.readTree("{\"id\": 2, \"imagesCount\": \"lots\"}");

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> LabelingJobInfo.fromJson(job));

    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertThat(e.getMessage()).contains("jobs.info", "imagesCount", "lots");
  }

  @Test
  void numbersSentAsTextAndLargeIdsAreRead() throws Exception {
    JsonNode event =
        ClientJson.MAPPER.readTree(
            "{\"userId\": \"7\", \"imageId\": 9007199254740993,"
                + " \"date\": \"2021-01-15T14:24:58Z\"}");

    ActivityEvent parsed = ActivityEvent.fromJson(event);

    assertThat(parsed.userId()).isEqualTo(7L);
    assertThat(parsed.imageId()).isEqualTo(9007199254740993L);
    assertThat(parsed.meta()).isNull();
    assertThat(parsed.metaJson()).isNull();
  }

  @Test
  void statusesCompareByValueAndKnowTheSixDocumentedOnes() {
    assertThat(Status.of("completed")).isEqualTo(Status.COMPLETED);
    assertThat(Status.KNOWN)
        .extracting(Status::value)
        .containsExactly(
            "pending", "in_progress", "on_review", "completed", "stopped", "review_completed");
    assertThat(Status.REVIEW_COMPLETED.isKnown()).isTrue();
    assertThat(Status.of("archived").isKnown()).isFalse();
    assertThat(Status.of("archived").toString()).isEqualTo("archived");
  }

  @Test
  void retryAfterParsesSecondsDatesAndIgnoresGarbage() {
    Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    assertThat(RetryPolicy.parseRetryAfter("120", clock)).hasValue(Duration.ofSeconds(120));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:30:00 GMT", clock))
        .hasValue(Duration.ofSeconds(120));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", clock))
        .hasValue(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon", clock)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter(null, clock)).isEmpty();
  }

  @Test
  void aHugeRetryAfterIsCutToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60));

    Duration wait = policy.delay(0, 0.0, Optional.of(Duration.ofDays(2)));

    assertThat(wait).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
  }

  @Test
  void theBackoffWithoutJitterDoublesUpToTheCap() {
    RetryPolicy policy = RetryPolicy.DEFAULT;

    assertThat(policy.delay(0, 0.999999, Optional.empty()).toMillis()).isEqualTo(999);
    assertThat(policy.delay(0, 0.0, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delay(5, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(16));
    assertThat(policy.delay(6, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(30, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
  }
}
