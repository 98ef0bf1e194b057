package dev.labelmeter.supervisely;

import java.util.List;
import java.util.StringJoiner;

/** Response bodies shaped like the wire contract's examples. */
final class Fixtures {
  static final String TOKEN = "tok-SECRET-0123456789abcdefghijklmnopqrstuvwxyz";

  static final String JOB_2 =
      """
      {"id": 2, "name": "Job A", "readme": "read me", "description": "", "teamId": 4,
       "workspaceId": 8, "workspaceTitle": "First Workspace", "projectId": 58,
       "projectTitle": "tutorial_project", "datasetId": 54, "datasetTitle": "dataset_01",
       "createdBy": 4, "managerLogin": "anna", "userId": 7, "labelerLogin": "bob",
       "reviewerId": 4, "reviewerLogin": "anna",
       "createdAt": "2020-04-08T15:10:12.618Z", "startedAt": "2020-04-08T15:10:19.833+02:00",
       "finishedAt": null, "status": "in_progress", "disabled": false,
       "labelingQueueId": 12, "labelingExamId": null, "priority": 2,
       "imagesCount": 3, "finishedImagesCount": 1, "rejectedImagesCount": 0,
       "acceptedImagesCount": 0, "progressImagesCount": 2,
       "reviewFinishedAt": null, "annotationFinishedAt": "2020-04-09T10:00:00Z",
       "customData": {"batch": "b1"},
       "brandNewField": {"nested": [1, 2]},
       "meta": {"classes": [{"id": 40, "name": "person"}, {"id": 41, "title": "car"}],
                "projectTags": [{"id": 9, "name": "size"}],
                "imageTags": [{"id": 30, "name": "situated", "positive": false},
                              {"id": 31, "name": "hard", "positive": true}],
                "range": {"start": 1, "end": 5},
                "imageFiguresLimit": null, "imageTagsLimit": 3, "guide": 77},
       "entities": [{"id": 281, "name": "image_01", "reviewStatus": "accepted"},
                    {"id": 282, "name": "image_02", "reviewStatus": "none"}]}
      """;

  static final String STATS_3 =
      """
      {"job": {"id": 3, "name": "Annotation Job", "startedAt": "2020-04-08T15:15:46.749Z",
               "finishedAt": "2020-04-08T15:17:33.572Z", "reviewFinishedAt": null,
               "imagesCount": 2, "finishedImagesCount": 2, "editingDuration": 17,
               "annotationDuration": 720,
               "tagsStats": [
                 {"id": 23, "name": "person_gender", "color": "#65D37C", "images": 0, "figures": 1},
                 {"parentId": 23, "name": "person_gender (male)", "color": "#65D37C",
                  "images": 0, "figures": 1}]},
       "classes": [{"id": 42, "name": "car", "color": "#BE55CE", "shape": "polygon",
                    "imagesCount": 1, "labelsCount": 2, "totalDuration": 17, "avgDuration": 8},
                   {"id": 43, "name": "bike", "color": "#F6FF00", "shape": "rectangle",
                    "imagesCount": 0, "labelsCount": 0, "totalDuration": 0, "avgDuration": null}],
       "images": {"total": 2, "images": [
         {"id": 285, "name": "image_01", "reviewStatus": "accepted", "annotationDuration": 0,
          "totalDuration": 9.5, "labelsCount": 1}]}}
      """;

  private Fixtures() {}

  /** Returns an activity event with all 18 keys in order. */
  static String event(
      long userId, String action, String date, Long jobId, Long tagId, String meta) {
    return "{\"userId\": "
        + userId
        + ", \"action\": \""
        + action
        + "\", \"date\": \""
        + date
        + "\", \"user\": \"u"
        + userId
        + "\", \"projectId\": 1817, \"project\": \"P\","
        + " \"datasetId\": 2370, \"dataset\": \"train\", \"imageId\": 726985,"
        + " \"image\": \"IMG_8144.jpeg\", \"classId\": null, \"class\": null, \"figureId\": null,"
        + " \"job\": "
        + (jobId == null ? "null" : "\"Job " + jobId + "\"")
        + ", \"jobId\": "
        + jobId
        + ", \"tag\": "
        + (tagId == null ? "null" : "\"t\"")
        + ", \"tagId\": "
        + tagId
        + ", \"meta\": "
        + meta
        + "}";
  }

  /** Returns a page body. */
  static String page(long total, int perPage, int pagesCount, List<String> entities) {
    StringJoiner joined = new StringJoiner(",", "[", "]");
    entities.forEach(joined::add);
    return "{\"total\": "
        + total
        + ", \"perPage\": "
        + perPage
        + ", \"pagesCount\": "
        + pagesCount
        + ", \"entities\": "
        + joined
        + "}";
  }

  /** Returns a minimal job entity. */
  static String job(long id, String status) {
    return "{\"id\": "
        + id
        + ", \"name\": \"Job "
        + id
        + "\", \"status\": \""
        + status
        + "\", \"meta\": {\"classes\": [], \"projectTags\": [], \"imageTags\": [],"
        + " \"range\": {\"start\": null, \"end\": null}}}";
  }
}
