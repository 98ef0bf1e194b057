package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.supervisely.CreateJobRequest;
import dev.labelmeter.supervisely.LabelingJobInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code labelmeter jobs create}: labeling jobs over a dataset, one per labeler. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Creates labeling jobs over a dataset, one per labeler (jobs.add).")
final class CreateJobsCommand extends JobsSubcommand {
  private static final Logger LOG = LoggerFactory.getLogger(CreateJobsCommand.class);

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "Names the jobs. Required; there is no default.")
  String name;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "ID",
      description = "Labels the images of this dataset. Required; there is no default.")
  long dataset;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USER_ID",
      split = ",",
      description =
          "Creates one job for each of these labelers, comma-separated. Required;"
              + " there is no default.")
  List<Long> users = new ArrayList<>();

  @Option(
      names = "--reviewer",
      paramLabel = "USER_ID",
      description = "Has this user review the jobs. Default: no reviewer.")
  Long reviewer;

  @Option(
      names = "--readme",
      paramLabel = "TEXT",
      description = "Shows this text to the labelers. Default: none.")
  String readme;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "Describes the jobs. Default: none.")
  String description;

  @Option(
      names = "--classes",
      paramLabel = "NAME",
      split = ",",
      description = "Lets labelers use only these classes, comma-separated. Default: all.")
  List<String> classes = new ArrayList<>();

  @Option(
      names = "--objects-limit",
      paramLabel = "N",
      description = "Allows at most N labels per image. Default: no limit.")
  Integer objectsLimit;

  @Option(
      names = "--tags",
      paramLabel = "NAME",
      split = ",",
      description = "Lets labelers use only these tags, comma-separated. Default: all.")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--tags-limit",
      paramLabel = "N",
      description = "Allows at most N tags per image. Default: no limit.")
  Integer tagsLimit;

  @Option(
      names = "--include-images-with-tags",
      paramLabel = "NAME",
      split = ",",
      description = "Includes only images with these tags. Default: all images.")
  List<String> includeTags = new ArrayList<>();

  @Option(
      names = "--exclude-images-with-tags",
      paramLabel = "NAME",
      split = ",",
      description = "Leaves out images with these tags. Default: none left out.")
  List<String> excludeTags = new ArrayList<>();

  @Option(
      names = "--images-range",
      paramLabel = "START:END",
      description =
          "Gives each labeler this slice of the dataset's images, e.g. 0:100."
              + " Default: all images.")
  String imagesRange;

  @Option(
      names = "--image-ids",
      paramLabel = "ID",
      split = ",",
      description = "Labels only these images, comma-separated. Default: all images.")
  List<Long> imageIds = new ArrayList<>();

  @Option(
      names = "--guide",
      paramLabel = "ID",
      description = "Shows this labeling guide. Default: none.")
  Long guide;

  @Option(names = "--json", description = "Prints the created jobs as JSON. Default: a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    CreateJobRequest request = request();
    Connected connected = connect();
    List<LabelingJobInfo> created = connected.jobs().create(request);
    LOG.info(
        "created {} jobs: {}", created.size(), created.stream().map(LabelingJobInfo::id).toList());
    if (json) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      for (LabelingJobInfo job : created) {
        connected.jobs().getInfoByIdRaw(job.id()).ifPresent(all::add);
      }
      printJson(all);
      return ExitCodes.OK;
    }
    JobTables.list(created).print(out());
    return ExitCodes.OK;
  }

  private CreateJobRequest request() {
    CreateJobRequest.Builder builder =
        CreateJobRequest.builder(name, dataset, users)
            .readme(readme)
            .description(description)
            .classesToLabel(classes)
            .objectsLimitPerImage(objectsLimit)
            .tagsToLabel(tags)
            .tagsLimitPerImage(tagsLimit)
            .includeImagesWithTags(includeTags)
            .excludeImagesWithTags(excludeTags)
            .reviewerId(reviewer)
            .imageIds(imageIds)
            .guideId(guide);
    if (imagesRange != null) {
      int[] range = range(imagesRange);
      builder.imagesRange(range[0], range[1]);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int[] range(String text) {
    String[] parts = text.split(":");
    try {
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new ParameterException(
        spec.commandLine(),
        "--images-range '" + text + "' is not START:END; give two whole numbers, e.g. 0:100");
  }
}
