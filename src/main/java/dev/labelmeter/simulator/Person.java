package dev.labelmeter.simulator;

import java.time.ZoneId;

/**
 * A member of a synthetic team and how they work.
 *
 * @param id user id
 * @param login login
 * @param name display name
 * @param role role in the team
 * @param zone the zone of the person's working hours
 * @param shiftStartMinute local start of the working day, in minutes after midnight
 * @param shiftMinutes length of the working day
 * @param worksSaturday whether Saturday is a working day
 * @param medianSeconds median time to label (or review) one image
 * @param sigma spread of the log-normal time per image
 * @param rejectRate share of this labeler's images a reviewer rejects
 * @param disabled whether the member has left the team
 * @param createdAtMillis when the account was created
 */
record Person(
    long id,
    String login,
    String name,
    Role role,
    ZoneId zone,
    int shiftStartMinute,
    int shiftMinutes,
    boolean worksSaturday,
    double medianSeconds,
    double sigma,
    double rejectRate,
    boolean disabled,
    long createdAtMillis) {

  Ref ref() {
    return new Ref(id, login);
  }

  String email() {
    return login.replaceAll("[^a-z0-9.]", "") + "@example.com";
  }
}
