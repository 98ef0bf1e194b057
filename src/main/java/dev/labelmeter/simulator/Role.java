package dev.labelmeter.simulator;

/** A member's role in the team, with the name and id the server reports. */
enum Role {
  MANAGER("admin", 1),
  LABELER("annotator", 3),
  REVIEWER("reviewer", 5),
  VIEWER("viewer", 4);

  final String wireName;
  final int roleId;

  Role(String wireName, int roleId) {
    this.wireName = wireName;
    this.roleId = roleId;
  }
}
