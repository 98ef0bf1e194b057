package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A connection to one Supervisely server with one API token, and the entry point to its APIs.
 * Immutable and thread safe: create one and share it between threads.
 *
 * <pre>{@code
 * SuperviselyApi api = SuperviselyApi.fromEnv();
 * List<LabelingJobInfo> jobs = api.labelingJobs().getList(JobListQuery.team(4));
 * }</pre>
 */
public final class SuperviselyApi {
  /** The file {@link #fromEnv()} falls back to, relative to the home directory. */
  public static final String ENV_FILE_NAME = "supervisely.env";

  /** The name of {@link #ATTEMPT_LOG}: a constant, so a log filter can match it early. */
  public static final String ATTEMPT_LOG_NAME = "SUPERVISELY_ATTEMPT";

  /**
   * Marks the log lines about one attempt of a call that did not succeed: a retry (at INFO), or
   * the last attempt's failure (at WARN) that the thrown {@link SuperviselyException} reports too.
   * An application that shows its user the exception can keep these lines in its log file only.
   */
  public static final Marker ATTEMPT_LOG = MarkerFactory.getMarker(ATTEMPT_LOG_NAME);

  private final ApiTransport transport;
  private final String serverAddress;
  private final LabelingJobApi labelingJobs;
  private final ActivityApi activity;
  private final MemberApi members;
  private final TeamApi teams;
  private final WorkspaceApi workspaces;
  private final ProjectApi projects;
  private final DatasetApi datasets;

  private SuperviselyApi(Builder builder) {
    this.serverAddress = ServerAddress.normaliseServer(builder.server);
    String apiBase =
        builder.apiBaseUrl == null
            ? serverAddress + "/public/api"
            : ServerAddress.normalise(builder.apiBaseUrl);
    ServerAddress.warnIfTokenInClear(apiBase);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(builder.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(builder.httpVersion)
            .build();
    RetryPolicy retry =
        new RetryPolicy(builder.maxRetries, builder.backoffBase, builder.backoffCap);
    this.transport =
        new ApiTransport(
            http,
            apiBase,
            builder.token,
            builder.requestTimeout,
            retry,
            builder.sleeper,
            builder.clock);
    this.activity = new ActivityApi(transport);
    this.labelingJobs = new LabelingJobApi(transport, activity);
    this.members = new MemberApi(transport);
    this.teams = new TeamApi(transport);
    this.workspaces = new WorkspaceApi(transport);
    this.projects = new ProjectApi(transport);
    this.datasets = new DatasetApi(transport);
  }

  /** Returns a builder; {@code server} and {@code token} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a connection configured from the process environment, falling back to {@code
   * ~/supervisely.env}; see {@link #builderFromEnv(Map, Path)}.
   */
  public static SuperviselyApi fromEnv() {
    return builderFromEnv(System.getenv(), homeDirectory(System.getenv())).build();
  }

  /**
   * Returns the folder {@code ~} means, as the SDK's {@code ~/supervisely.env} reads it: {@code
   * HOME} of {@code env} when set, else the user's home directory as Java knows it.
   */
  public static Path homeDirectory(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }

  /**
   * Returns a builder configured from {@code env}: {@code SERVER_ADDRESS} and {@code API_TOKEN}
   * (required), {@code SUPERVISELY_API_SERVER_ADDRESS} (replaces {@code
   * SERVER_ADDRESS/public/api}),
   * {@code SUPERVISELY_PUBLIC_API_RETRIES} and {@code SUPERVISELY_PUBLIC_API_RETRY_SLEEP_SEC}.
   * When {@code SERVER_ADDRESS} or {@code API_TOKEN} is missing and {@code ENV} is not {@code
   * production}, the variables of {@code homeDir/supervisely.env} are added without overriding
   * any that are set.
   *
   * @throws SuperviselyException (configuration) naming what is missing and where it was looked for
   */
  public static Builder builderFromEnv(Map<String, String> env, Path homeDir) {
    Map<String, String> merged = new HashMap<>(env);
    Path file = homeDir.resolve(ENV_FILE_NAME);
    boolean fileUsed = false;
    if (missingCredentials(merged) && !"production".equals(env.get("ENV")) && Files.exists(file)) {
      DotEnv.read(file).forEach(merged::putIfAbsent);
      fileUsed = true;
    }
    requireVariable(merged, "SERVER_ADDRESS", file, fileUsed, "https://app.supervisely.com");
    requireVariable(merged, "API_TOKEN", file, fileUsed, "<your API token>");
    Builder builder = builder().server(merged.get("SERVER_ADDRESS")).token(merged.get("API_TOKEN"));
    applyOptional(merged, builder);
    return builder;
  }

  private static boolean missingCredentials(Map<String, String> env) {
    return isBlank(env.get("SERVER_ADDRESS")) || isBlank(env.get("API_TOKEN"));
  }

  private static void requireVariable(
      Map<String, String> env, String name, Path file, boolean fileUsed, String example) {
    if (!isBlank(env.get(name))) {
      return;
    }
    String where = fileUsed ? "in the environment nor in " + file : "in the environment";
    String fileNote = fileUsed ? "" : " (" + file + " was not read: missing, or ENV=production)";
    throw SuperviselyException.configuration(
        name + " is set neither " + where + fileNote,
        "Export " + name + "=" + example + ", or add that line to " + file);
  }

  private static void applyOptional(Map<String, String> env, Builder builder) {
    String override = env.get("SUPERVISELY_API_SERVER_ADDRESS");
    if (!isBlank(override)) {
      builder.apiBaseUrl(override);
    }
    String retries = env.get("SUPERVISELY_PUBLIC_API_RETRIES");
    if (!isBlank(retries)) {
      builder.maxRetries(parseNumber("SUPERVISELY_PUBLIC_API_RETRIES", retries));
    }
    String sleep = env.get("SUPERVISELY_PUBLIC_API_RETRY_SLEEP_SEC");
    if (!isBlank(sleep)) {
      builder.backoffBase(
          Duration.ofSeconds(parseNumber("SUPERVISELY_PUBLIC_API_RETRY_SLEEP_SEC", sleep)));
    }
  }

  private static int parseNumber(String name, String value) {
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw SuperviselyException.configuration(
        name + "=\"" + value + "\" is not a whole number >= 0", "Set " + name + " to e.g. 10");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Returns the normalised server address (never the token). */
  public String serverAddress() {
    return serverAddress;
  }

  /** Returns the Labeling Job API. */
  public LabelingJobApi labelingJobs() {
    return labelingJobs;
  }

  /** Returns the team activity API ({@code teams.activity}). */
  public ActivityApi activity() {
    return activity;
  }

  /** Returns the team members and users API. */
  public MemberApi members() {
    return members;
  }

  /** Returns the team info API. */
  public TeamApi teams() {
    return teams;
  }

  /** Returns the workspace info API. */
  public WorkspaceApi workspaces() {
    return workspaces;
  }

  /** Returns the project info API. */
  public ProjectApi projects() {
    return projects;
  }

  /** Returns the dataset info API. */
  public DatasetApi datasets() {
    return datasets;
  }

  /**
   * Returns the server's JSON answer to any API method, with the same retries and errors as the
   * typed calls: an escape hatch for methods this client does not wrap.
   */
  public JsonNode post(String method, JsonNode body) {
    return transport.post(Objects.requireNonNull(method, "method"), body);
  }

  @Override
  public String toString() {
    return "SuperviselyApi[" + serverAddress + "]";
  }

  /** Options of a connection; every one but server and token has a sensible default. */
  public static final class Builder {
    private String server;
    private String apiBaseUrl;
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofMinutes(2);
    private int maxRetries = RetryPolicy.DEFAULT.maxRetries();
    private Duration backoffBase = RetryPolicy.DEFAULT.backoffBase();
    private Duration backoffCap = RetryPolicy.DEFAULT.backoffCap();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private HttpClient.Version httpVersion = HttpClient.Version.HTTP_2;

    private Builder() {}

    /** Sets the server address, e.g. {@code https://app.supervisely.com}. */
    public Builder server(String server) {
      this.server = server;
      return this;
    }

    /** Sets a full API base URL that replaces {@code {server}/public/api} (rarely needed). */
    public Builder apiBaseUrl(String apiBaseUrl) {
      this.apiBaseUrl = apiBaseUrl;
      return this;
    }

    /** Sets the API token sent as {@code x-api-key}. */
    public Builder token(String token) {
      this.token = token == null ? null : token.strip();
      return this;
    }

    /** Sets the TCP connect timeout (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /** Sets the timeout of one whole request, response body included (default 2 min). */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("requestTimeout", requestTimeout);
      return this;
    }

    /** Sets the retries after the first attempt (default 10; 0 disables retries). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Sets the wait before the first retry, doubled per retry (default 1 s). */
    public Builder backoffBase(Duration backoffBase) {
      this.backoffBase = nonNegative("backoffBase", backoffBase);
      return this;
    }

    /** Sets the longest backoff wait (default 60 s). */
    public Builder backoffCap(Duration backoffCap) {
      this.backoffCap = nonNegative("backoffCap", backoffCap);
      return this;
    }

    /** Sets how waits are done (tests pass a recording sleeper). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the clock that HTTP-date {@code Retry-After} values are measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the preferred HTTP version (default HTTP/2 where the server offers it). */
    public Builder httpVersion(HttpClient.Version httpVersion) {
      this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
      return this;
    }

    /**
     * Returns the connection.
     *
     * @throws SuperviselyException (configuration) when the server or token is missing or unusable
     */
    public SuperviselyApi build() {
      if (token == null || token.isBlank()) {
        throw SuperviselyException.configuration(
            "No Supervisely API token given",
            "Set API_TOKEN to your token (Supervisely: your profile, then API token)");
      }
      if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw SuperviselyException.configuration(
            "The API token contains spaces, line breaks or non-ASCII characters",
            "Copy the token again without surrounding quotes or whitespace");
      }
      return new SuperviselyApi(this);
    }

    private static Duration positive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
      }
      return value;
    }

    private static Duration nonNegative(String name, Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be a duration >= 0, got " + value);
      }
      return value;
    }
  }
}
