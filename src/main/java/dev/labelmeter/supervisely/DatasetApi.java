package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Datasets ({@code datasets.info}, {@code datasets.list}). */
public final class DatasetApi {
  private final ApiTransport transport;
  private final Paginator pages;

  DatasetApi(ApiTransport transport) {
    this.transport = transport;
    this.pages = new Paginator(transport);
  }

  /** Returns the dataset, or empty when the server says 404. */
  public Optional<DatasetInfo> getInfoById(long datasetId) {
    return InfoCalls.info(transport, "datasets.info", datasetId, DatasetInfo::read);
  }

  /** Returns the project's top-level datasets, sorted by id. */
  public List<DatasetInfo> getList(long projectId) {
    ObjectNode body = ClientJson.object();
    body.put("projectId", projectId);
    body.putArray("filter");
    body.put("recursive", false);
    return pages.getAll("datasets.list", body, true, DatasetInfo::read);
  }
}
