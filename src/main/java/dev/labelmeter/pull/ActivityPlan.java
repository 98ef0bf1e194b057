package dev.labelmeter.pull;

import dev.labelmeter.store.Manifest;
import java.time.Instant;
import java.util.Optional;

/**
 * The activity range of one pull.
 *
 * @param fetchFrom where this pull's queries start: {@code --since}, else the last pull's end
 *     minus the overlap, else the snapshot minus the history
 * @param storeFrom where the store's continuous range starts once this pull is done
 */
record ActivityPlan(Instant fetchFrom, Instant storeFrom) {

  /** Returns the plan for a pull that fixed its end at {@code snapshotAt}. */
  static ActivityPlan of(Optional<Manifest> previous, PullOptions options, Instant snapshotAt)
      throws PullException {
    Optional<Manifest.ActivityRange> before =
        previous.map(Manifest::activity).filter(r -> r.from() != null && r.to() != null);
    // TODO(#4): events the server records late with a date before (last end - overlap) are only
    // fetched by a pull with --since; a periodic deeper re-fetch (say weekly) would catch them.
    Instant from =
        options
            .since()
            .orElseGet(
                () ->
                    before
                        .map(r -> r.to().minus(options.overlap()))
                        .orElse(snapshotAt.minus(options.history())));
    if (from.isAfter(snapshotAt)) {
      throw new PullException(
          PullException.Reason.BAD_OPTION,
          "the activity would start at "
              + from
              + ", after now ("
              + snapshotAt
              + "): give a --since in the past, or check the clock"
              + " (the last pull ended at "
              + before.map(r -> r.to().toString()).orElse("no time yet")
              + ")");
    }
    return new ActivityPlan(from, storeFrom(before, from));
  }

  /** The store's range stays continuous: it only reaches back further when this pull does. */
  private static Instant storeFrom(Optional<Manifest.ActivityRange> before, Instant from) {
    if (before.isEmpty() || from.isAfter(before.get().to())) {
      return from;
    }
    return from.isBefore(before.get().from()) ? from : before.get().from();
  }
}
