package dev.labelmeter.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One activity event, held compactly (shared references to users, jobs and images) so that a
 * server can keep a million of them in memory. Written with all 18 keys of the wire format, in
 * order, null where a key does not apply.
 */
final class SimEvent {
  static final String LOGIN = "login";
  static final String LOGOUT = "logout";
  static final String CREATE_PROJECT = "create_project";
  static final String CREATE_DATASET = "create_dataset";
  static final String CREATE_CLASS = "create_class";
  static final String CREATE_FIGURE = "create_figure";
  static final String UPDATE_FIGURE = "update_figure";
  static final String ATTACH_TAG = "attach_tag";
  static final String ANNOTATION_DURATION = "annotation_duration";
  static final String REVIEW_STATUS_UPDATED = "image_review_status_updated";

  static final String META_DURATION = "duration";
  static final String META_REVIEW_STATUS = "reviewStatus";
  static final String META_VALUE = "value";

  final long dateMillis;
  final String action;
  final Ref user;
  Ref project;
  Ref dataset;
  Ref image;
  Ref cls;
  long figureId;
  JobRef job;
  Ref tag;
  String metaKey;

  /** A Long, String or Boolean under {@link #metaKey}, or a whole JsonNode when the key is null. */
  Object metaValue;

  /** Seconds spent drawing the figure of a {@code create_figure}; not part of the wire format. */
  int figureSeconds;

  SimEvent(long dateMillis, String action, Ref user) {
    this.dateMillis = dateMillis;
    this.action = action;
    this.user = user;
  }

  /** Returns a work event on {@code image} of {@code job}. */
  static SimEvent work(long dateMillis, String action, Ref user, JobRef job, Ref image) {
    SimEvent e = new SimEvent(dateMillis, action, user);
    e.job = job;
    e.project = job.project();
    e.dataset = job.dataset();
    e.image = image;
    return e;
  }

  SimEvent meta(String key, Object value) {
    this.metaKey = key;
    this.metaValue = value;
    return this;
  }

  Long userId() {
    return user == null ? null : user.id();
  }

  Long projectId() {
    return project == null ? null : project.id();
  }

  Long jobId() {
    return job == null ? null : job.id();
  }

  /** Returns the labeler of the event's job, or null for events without a (known) job. */
  Long labelerId() {
    return job == null || job.labelerId() == 0 ? null : job.labelerId();
  }

  /** Returns {@code meta.reviewStatus}, or null. */
  String reviewStatus() {
    if (metaKey == null && metaValue instanceof JsonNode node) {
      JsonNode status = node.get(META_REVIEW_STATUS);
      return status != null && status.isTextual() ? status.asText() : null;
    }
    return META_REVIEW_STATUS.equals(metaKey) ? (String) metaValue : null;
  }

  /** Returns {@code meta.duration} in seconds, or 0. */
  long durationSeconds() {
    if (metaKey == null && metaValue instanceof JsonNode node) {
      return node.path(META_DURATION).asLong(0);
    }
    return META_DURATION.equals(metaKey) ? ((Number) metaValue).longValue() : 0;
  }

  /** Writes the event as one JSON object with the 18 keys in wire order. */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    writeId(g, "userId", user);
    g.writeStringField("action", action);
    g.writeStringField("date", WireTime.format(dateMillis));
    writeName(g, "user", user);
    writeId(g, "projectId", project);
    writeName(g, "project", project);
    writeId(g, "datasetId", dataset);
    writeName(g, "dataset", dataset);
    writeId(g, "imageId", image);
    writeName(g, "image", image);
    writeId(g, "classId", cls);
    writeName(g, "class", cls);
    writeFigure(g);
    writeJob(g);
    writeName(g, "tag", tag);
    writeId(g, "tagId", tag);
    g.writeFieldName("meta");
    writeMeta(g);
    g.writeEndObject();
  }

  private void writeFigure(JsonGenerator g) throws IOException {
    if (figureId == 0) {
      g.writeNullField("figureId");
    } else {
      g.writeNumberField("figureId", figureId);
    }
  }

  private void writeJob(JsonGenerator g) throws IOException {
    if (job == null) {
      g.writeNullField("job");
      g.writeNullField("jobId");
    } else {
      writeString(g, "job", job.name());
      g.writeNumberField("jobId", job.id());
    }
  }

  private void writeMeta(JsonGenerator g) throws IOException {
    if (metaKey == null && metaValue instanceof JsonNode node) {
      g.writeTree(node);
      return;
    }
    g.writeStartObject();
    if (metaKey != null) {
      g.writeFieldName(metaKey);
      if (metaValue instanceof Number n) {
        g.writeNumber(n.longValue());
      } else if (metaValue instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (metaValue == null) {
        g.writeNull();
      } else {
        g.writeString(metaValue.toString());
      }
    }
    g.writeEndObject();
  }

  private static void writeId(JsonGenerator g, String key, Ref ref) throws IOException {
    if (ref == null) {
      g.writeNullField(key);
    } else {
      g.writeNumberField(key, ref.id());
    }
  }

  private static void writeName(JsonGenerator g, String key, Ref ref) throws IOException {
    writeString(g, key, ref == null ? null : ref.name());
  }

  private static void writeString(JsonGenerator g, String key, String value) throws IOException {
    if (value == null) {
      g.writeNullField(key);
    } else {
      g.writeStringField(key, value);
    }
  }
}
