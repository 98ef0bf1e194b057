package dev.labelmeter.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Working hours of a person in their own zone: one shift a working day starting at a local time
 * (so its UTC start moves when the zone changes to or from daylight saving time), no Sundays, no
 * Saturdays unless the person works them, and a few days off picked from the person's id.
 */
final class WorkCalendar {
  private static final long MINUTE = 60_000L;
  private static final int DAY_OFF_PERCENT = 4;

  private WorkCalendar() {}

  /** Returns whether {@code person} works on the local date {@code day}. */
  static boolean worksOn(Person person, LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SUNDAY || (dow == DayOfWeek.SATURDAY && !person.worksSaturday())) {
      return false;
    }
    long mixed = Seeds.mix(person.id() * 1_000_003L + day.toEpochDay());
    return Math.floorMod(mixed, 100) >= DAY_OFF_PERCENT;
  }

  /** Returns the instant the shift of {@code person} starts on local date {@code day}. */
  static long shiftStart(Person person, LocalDate day) {
    LocalTime start = LocalTime.ofSecondOfDay(person.shiftStartMinute() * 60L);
    return ZonedDateTime.of(day, start, person.zone()).toInstant().toEpochMilli();
  }

  /** Returns the instant the shift of {@code person} ends on local date {@code day}. */
  static long shiftEnd(Person person, LocalDate day) {
    return shiftStart(person, day) + person.shiftMinutes() * MINUTE;
  }

  /** Returns the local date of {@code millis} for {@code person}. */
  static LocalDate localDate(Person person, long millis) {
    return Instant.ofEpochMilli(millis).atZone(person.zone()).toLocalDate();
  }

  /** Returns the earliest instant at or after {@code millis} inside a shift of {@code person}. */
  static long nextWorkTime(Person person, long millis) {
    LocalDate day = localDate(person, millis);
    for (int i = 0; i < 60; i++, day = day.plusDays(1)) {
      if (!worksOn(person, day)) {
        continue;
      }
      long start = shiftStart(person, day);
      if (millis < start) {
        return start;
      }
      if (millis < shiftEnd(person, day)) {
        return millis;
      }
    }
    throw new IllegalStateException("no working day within 60 days for user " + person.id());
  }

  /** Returns the end of the shift that contains {@code millis} (which must be in a shift). */
  static long endOfShiftAt(Person person, long millis) {
    return shiftEnd(person, localDate(person, millis));
  }

  /** Returns the middle of the shift that contains {@code millis}. */
  static long middleOfShiftAt(Person person, long millis) {
    LocalDate day = localDate(person, millis);
    return shiftStart(person, day) + person.shiftMinutes() * MINUTE / 2;
  }
}
