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

  Ref ref() {
    return new Ref(id, name);
  }

  long imageId(int index) {
    return firstImageId + index;
  }

  String imageName(int index) {
    return String.format("%s_%05d.jpg", name.replaceAll("[^A-Za-z0-9]+", "_"), index + 1);
  }

  boolean contains(long imageId) {
    return imageId >= firstImageId && imageId < firstImageId + imagesCount;
  }
}
