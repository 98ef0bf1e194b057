package dev.labelmeter.simulator;

/**
 * A dataset whose images have consecutive ids, so that no image list needs to be held in memory.
 *
 * @param id dataset id
 * @param name dataset name
 * @param projectId the project
 * @param firstImageId id of the first image
 * @param imagesCount number of images
 * @param createdAtMillis when it was created
 */
record Dataset(
    long id,
    String name,
    long projectId,
    long firstImageId,
    int imagesCount,
    long createdAtMillis) {
  private static final java.util.regex.Pattern UNSAFE_CHARS =
      java.util.regex.Pattern.compile("[^A-Za-z0-9]+");

  Ref ref() {
    return new Ref(id, name);
  }

  long imageId(int index) {
    return firstImageId + index;
  }

  String imageName(int index) {
    String number = Integer.toString(index + 1);
    StringBuilder sb = new StringBuilder(name.length() + 12);
    sb.append(UNSAFE_CHARS.matcher(name).replaceAll("_")).append('_');
    for (int pad = number.length(); pad < 5; pad++) {
      sb.append('0');
    }
    return sb.append(number).append(".jpg").toString();
  }

  boolean contains(long imageId) {
    return imageId >= firstImageId && imageId < firstImageId + imagesCount;
  }
}
