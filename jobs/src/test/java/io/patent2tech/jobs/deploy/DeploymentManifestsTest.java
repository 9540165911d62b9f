package io.patent2tech.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.kipris.KiprisCollectorFactory;
import io.patent2tech.connectors.uspto.download.UsptoBulkCollectorFactory;
import io.patent2tech.jobs.Main;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.config.StackDefaults;
import io.patent2tech.jobs.enrich.EnrichSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment files hold together with the code they deploy. infra/k8s is read into the Flink
 * Kubernetes Operator's own model ({@link FlinkDeployment}, fabric8's Kubernetes model) and each
 * deployment's arguments and environment are parsed the way {@link Main} parses them; infra/compose
 * is read as YAML. Structure only: nothing here starts a cluster or a container.
 */
class DeploymentManifestsTest {

  private static final Path REPO = Path.of(System.getProperty("p2t.repo", "..")).toAbsolutePath().normalize();
  private static final Path K8S = REPO.resolve("infra/k8s");
  private static final Path COMPOSE = REPO.resolve("infra/compose");

  /** Credentials the connectors read by these names from the environment, outside the settings. */
  private static final Set<String> CREDENTIAL_VARIABLES = Set.of(UsptoBulkCollectorFactory.API_KEY_ENV,
      OpsCredentials.ENV_KEY, OpsCredentials.ENV_SECRET, KiprisCollectorFactory.KEY_ENV);
  /** Settings whose values are secrets: never a literal value in a manifest. */
  private static final Set<String> SECRET_VARIABLES = Stream.concat(CREDENTIAL_VARIABLES.stream(),
      Main.jobCommands().stream().flatMap(c -> Main.settingsOf(c).stream()).filter(Setting::isSecret)
          .map(Setting::envName)).collect(Collectors.toUnmodifiableSet());
  /** A name that looks like a credential, in case a new one is added to neither list above. */
  private static final Pattern SECRET_LOOKING = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");

  private static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  /** The operator's CustomResourceDefinition of FlinkDeployment (apiextensions v1), as its jar carries it. */
  private static final String CRD = "/META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";

  private static JsonNode kustomization;
  private static Map<String, JsonNode> deploymentDocuments;
  private static Map<String, FlinkDeployment> deployments;
  private static ConfigMap settingsMap;
  private static Secret secretTemplate;
  private static List<PersistentVolumeClaim> claims;

  @BeforeAll
  static void readManifests() throws IOException {
    kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
    deployments = new LinkedHashMap<>();
    deploymentDocuments = new LinkedHashMap<>();
    claims = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      for (JsonNode document : documents(K8S.resolve(resource.asText()))) {
        switch (document.path("kind").asText()) {
          case "FlinkDeployment" -> {
            FlinkDeployment deployment = YAML.treeToValue(document, FlinkDeployment.class);
            String command = deployment.getSpec().getJob().getArgs()[0];
            assertThat(deployments.put(command, deployment)).as("second deployment of %s", command).isNull();
            deploymentDocuments.put(command, document);
          }
          case "ConfigMap" -> settingsMap = Serialization.unmarshal(YAML.writeValueAsString(document), ConfigMap.class);
          case "PersistentVolumeClaim" -> claims.add(
              Serialization.unmarshal(YAML.writeValueAsString(document), PersistentVolumeClaim.class));
          default -> throw new AssertionError("unexpected " + document.path("kind") + " in " + resource.asText());
        }
      }
    }
    secretTemplate = Serialization.unmarshal(Files.readString(K8S.resolve("secret.template.yaml")), Secret.class);
  }

  @Test
  void everyStreamingJobOfMainHasOneDeployment() {
    assertThat(Main.jobCommands()).contains("collect", "land", "links", "drawings", "enrich");
    assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(Main.jobCommands());
  }

  /**
   * The model ignores fields it does not know (a misspelled {@code upgradMode} would read as the
   * default, stateless); the operator's CRD schema knows every field, down to the pod template's.
   */
  @Test
  void everyFieldOfEveryDeploymentIsOneTheOperatorsSchemaDeclaresWithItsType() throws IOException {
    JsonNode schema = operatorSchema();
    assertThat(schema.path("properties").has("spec")).isTrue();
    deploymentDocuments.forEach((command, document) -> {
      List<String> problems = new ArrayList<>();
      checkAgainstSchema(command, document.path("spec"), schema.at("/properties/spec"), problems);
      assertThat(problems).as(command).isEmpty();
    });
    // and the check itself notices a misspelled field and a wrong type
    JsonNode broken = deploymentDocuments.get("land").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("spec").path("job")).put("upgradMode", "savepoint");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("spec").path("job")).put("parallelism", "two");
    List<String> problems = new ArrayList<>();
    checkAgainstSchema("land", broken.path("spec"), schema.at("/properties/spec"), problems);
    assertThat(problems).containsExactlyInAnyOrder("land.job.upgradMode: not in the schema",
        "land.job.parallelism: not a integer");
  }

  @Test
  void kustomizationListsEveryManifestButTheSecretTemplate() throws IOException {
    Set<String> listed = new HashSet<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    Set<String> manifests;
    try (Stream<Path> files = Files.list(K8S)) {
      manifests = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .filter(n -> !n.startsWith("kustomiz")).collect(Collectors.toSet());
    }
    assertThat(listed).doesNotContain("secret.template.yaml");
    manifests.remove("secret.template.yaml");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
  }

  @Test
  void eachDeploymentRunsMainOnFlink120InApplicationModeWithSavepointUpgrades() {
    deployments.forEach((command, deployment) -> {
      FlinkDeploymentSpec spec = deployment.getSpec();
      assertThat(spec.getFlinkVersion()).as(command).isEqualTo(FlinkVersion.v1_20);
      assertThat(spec.getJob().getUpgradeMode()).as(command).isEqualTo(UpgradeMode.SAVEPOINT);
      assertThat(spec.getJob().getEntryClass()).as(command).isEqualTo(Main.class.getName());
      assertThat(spec.getJob().getArgs()[0]).as(command).isEqualTo(command);
      assertThat(spec.getJob().getJarURI()).as(command).startsWith("local:///opt/flink/usrlib/");
      assertThat(spec.getJob().getParallelism()).as(command).isPositive();
      assertThat(deployment.getMetadata().getName()).isEqualTo("patent2tech-" + command);
      assertThat(spec.getJobManager().getResource().getMemory()).as(command).isNotBlank();
      assertThat(spec.getJobManager().getResource().getCpu()).as(command).isPositive();
      assertThat(spec.getTaskManager().getResource().getMemory()).as(command).isNotBlank();
      assertThat(spec.getTaskManager().getResource().getCpu()).as(command).isPositive();
    });
  }

  @Test
  void theImageIsTheOneTheDockerfileBuildsWithTheJarWhereTheDeploymentsLookForIt() throws IOException {
    String dockerfile = Files.readString(K8S.resolve("Dockerfile"));
    assertThat(dockerfile).containsPattern("(?m)^FROM flink:1\\.20\\.");
    String imageName = kustomization.path("images").get(0).path("name").asText();
    deployments.forEach((command, deployment) -> {
      assertThat(deployment.getSpec().getImage()).as(command).isEqualTo(imageName);
      String jar = URI.create(deployment.getSpec().getJob().getJarURI()).getPath();
      assertThat(dockerfile).as(command)
          .containsPattern("(?m)^COPY .*jobs/target/patent2tech-jobs-\\*-job\\.jar " + Pattern.quote(jar) + "$");
    });
    // kustomize's images: reach spec.image only through this field spec
    JsonNode fieldSpec = YAML.readTree(K8S.resolve("kustomizeconfig.yaml").toFile()).path("images").get(0);
    assertThat(fieldSpec.path("path").asText()).isEqualTo("spec/image");
    assertThat(fieldSpec.path("kind").asText()).isEqualTo("FlinkDeployment");
  }

  @Test
  void stateIsInRocksDbWithIncrementalCheckpointsAndEachJobHasItsOwnDirectoriesOnAMountedVolume() {
    Set<String> directories = new HashSet<>();
    deployments.forEach((command, deployment) -> {
      Map<String, String> flink = deployment.getSpec().getFlinkConfiguration();
      Configuration conf = Configuration.fromMap(flink);
      assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).as(command).isEqualTo("rocksdb");
      assertThat(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).as(command).isTrue();
      // operator 1.10 (built on Flink 1.19) reads the savepoint directory under this name
      assertThat(flink).as(command).containsKey("state.savepoints.dir");
      List<String> dirs = List.of(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
          conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY), flink.get("high-availability.storageDir"));
      for (String dir : dirs) {
        assertThat(dir).as(command).isNotBlank().endsWith("/" + command);
        assertThat(directories.add(dir)).as("%s shared with another job", dir).isTrue();
        if (dir.startsWith("file://")) {
          String path = URI.create(dir).getPath();
          assertThat(mainContainer(deployment).getVolumeMounts()).as(command + ": a volume holding " + dir)
              .map(VolumeMount::getMountPath).anyMatch(mount -> path.startsWith(mount + "/"));
        } else {
          assertThat(dir).as(command).startsWith("s3://");
        }
      }
    });
  }

  @Test
  void theJobItselfRunsWithTheDeploymentsStateBackendAndParallelismAndRestoresOnlyWhatTheOperatorSays() {
    deployments.forEach((command, deployment) -> {
      // the job's own configuration overrides the cluster's: it must say the same
      Settings settings = jobSettings(deployment);
      assertThat(settings.get(CommonSettings.STATE_BACKEND.key())).as(command).isEqualTo("rocksdb");
      assertThat(settings.getBoolean(CommonSettings.STATE_INCREMENTAL.key())).as(command).isTrue();
      assertThat(settings.getInt(CommonSettings.PARALLELISM.key())).as(command)
          .isEqualTo(deployment.getSpec().getJob().getParallelism());
      String checkpointDir = settings.get(CommonSettings.CHECKPOINT_DIR.key());
      if (checkpointDir != null) {
        assertThat(checkpointDir).as(command)
            .isEqualTo(deployment.getSpec().getFlinkConfiguration().get("state.checkpoints.dir"));
      }
      // restore.from would win over the savepoint the operator starts an upgraded job from
      assertThat(settings.get(CommonSettings.RESTORE_FROM.key())).as(command).isNull();
    });
  }

  @Test
  void everyVariableADeploymentSetsIsASettingOfItsJobOrACredential() {
    deployments.forEach((command, deployment) -> {
      Set<String> accepted = Main.settingsOf(command).stream().map(Setting::envName).collect(Collectors.toSet());
      for (EnvVar env : mainContainer(deployment).getEnv()) {
        assertThat(accepted.contains(env.getName()) || CREDENTIAL_VARIABLES.contains(env.getName()))
            .as("%s sets %s, which `Main %s` does not read", command, env.getName(), command).isTrue();
      }
    });
  }

  @Test
  void secretsComeFromTheSecretAndSettingsFromTheConfigMap() {
    Set<String> secretKeys = secretTemplate.getStringData().keySet();
    deployments.forEach((command, deployment) -> {
      for (EnvVar env : mainContainer(deployment).getEnv()) {
        String name = env.getName();
        boolean secret = SECRET_VARIABLES.contains(name) || SECRET_LOOKING.matcher(name).matches();
        if (env.getValueFrom() == null) {
          assertThat(secret).as("%s: %s is a literal", command, name).isFalse();
          assertThat(env.getValue()).as("%s: %s", command, name).isNotNull();
          continue;
        }
        assertThat(env.getValue()).as("%s: %s has a value and a source", command, name).isNull();
        if (secret) {
          assertThat(env.getValueFrom().getSecretKeyRef()).as("%s: %s", command, name).isNotNull();
        }
        if (env.getValueFrom().getSecretKeyRef() != null) {
          assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secretTemplate.getMetadata().getName());
          assertThat(secretKeys).as("%s: %s", command, name).contains(env.getValueFrom().getSecretKeyRef().getKey());
        } else {
          assertThat(env.getValueFrom().getConfigMapKeyRef()).as("%s: %s", command, name).isNotNull();
          assertThat(env.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo(settingsMap.getMetadata().getName());
          assertThat(settingsMap.getData()).as("%s: %s", command, name)
              .containsKey(env.getValueFrom().getConfigMapKeyRef().getKey());
        }
      }
    });
    // the ConfigMap holds no credential, and the template no real one
    assertThat(settingsMap.getData().keySet()).noneMatch(k -> SECRET_VARIABLES.contains(k) || SECRET_LOOKING.matcher(k).matches());
    assertThat(secretTemplate.getData()).isNullOrEmpty();
    assertThat(secretTemplate.getStringData().values()).containsOnly("CHANGE-ME");
  }

  @Test
  void theCredentialsEachJobNeedsAreThere() {
    assertThat(variables(deployments.get("collect"))).containsAll(CREDENTIAL_VARIABLES)
        .contains(CommonSettings.PG_PASSWORD.envName());
    assertThat(variables(deployments.get("land"))).contains(CommonSettings.PG_PASSWORD.envName(),
        CommonSettings.KAFKA_BOOTSTRAP.envName(), CommonSettings.ES_URL.envName(), CommonSettings.PG_URL.envName());
    assertThat(variables(deployments.get("enrich"))).contains(CommonSettings.PG_PASSWORD.envName(),
        EnrichSettings.LLM_API_KEY.envName());
    deployments.forEach((command, deployment) ->
        assertThat(variables(deployment)).as(command).contains(CommonSettings.KAFKA_BOOTSTRAP.envName()));
  }

  @Test
  void everyPodIsScrapedByPrometheusOnTheReportersPort() {
    deployments.forEach((command, deployment) -> {
      Map<String, String> flink = deployment.getSpec().getFlinkConfiguration();
      assertThat(flink.get("metrics.reporter.prom.factory.class")).as(command).isEqualTo(PROMETHEUS_FACTORY);
      String port = flink.get("metrics.reporter.prom.port");
      assertThat(port).as(command).isEqualTo("9249");
      Map<String, String> annotations = deployment.getSpec().getPodTemplate().getMetadata().getAnnotations();
      assertThat(annotations).as(command).containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", port);
      assertThat(mainContainer(deployment).getPorts()).as(command)
          .anyMatch(p -> p.getContainerPort() == Integer.parseInt(port));
    });
  }

  @Test
  void everyVolumeADeploymentMountsIsAClaimOfTheKustomization() {
    Set<String> claimNames = claims.stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
    deployments.forEach((command, deployment) -> {
      var pod = deployment.getSpec().getPodTemplate().getSpec();
      Set<String> volumes = new HashSet<>();
      pod.getVolumes().forEach(v -> {
        volumes.add(v.getName());
        assertThat(claimNames).as(command).contains(v.getPersistentVolumeClaim().getClaimName());
      });
      assertThat(mainContainer(deployment).getVolumeMounts()).as(command)
          .allMatch(m -> volumes.contains(m.getName()));
      // fabric8 keeps fields it does not know aside instead of failing: there must be none
      assertThat(pod.getAdditionalProperties()).as(command).isEmpty();
      assertThat(mainContainer(deployment).getAdditionalProperties()).as(command).isEmpty();
    });
    claims.forEach(c -> assertThat(c.getSpec().getAccessModes()).contains("ReadWriteMany"));
  }

  // ---- infra/compose

  @Test
  void composeUsesTheOfficialImagesAtPinnedVersionsOfTheLocalStack() throws IOException {
    JsonNode services = compose().path("services");
    Map<String, String> expected = Map.of(
        "kafka", "apache/kafka:" + StackDefaults.get("P2T_KAFKA_VERSION"),
        "elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:" + StackDefaults.get("P2T_ES_VERSION"),
        "kibana", "docker.elastic.co/kibana/kibana:" + StackDefaults.get("P2T_ES_VERSION"),
        "postgres", "postgres:15",
        "jobmanager", "flink:" + StackDefaults.get("P2T_FLINK_VERSION"),
        "taskmanager", "flink:" + StackDefaults.get("P2T_FLINK_VERSION"),
        "prometheus", "prom/prometheus:v");
    expected.forEach((service, image) ->
        assertThat(services.path(service).path("image").asText()).as(service).startsWith(image));
    services.fields().forEachRemaining(s -> {
      String image = s.getValue().path("image").asText();
      assertThat(image).as(s.getKey()).contains(":").doesNotEndWith(":latest");
      assertThat(image.substring(image.lastIndexOf(':') + 1)).as(s.getKey()).containsPattern("^v?\\d");
    });
  }

  @Test
  void composePublishesTheLocalStacksPortsOnLoopback() throws IOException {
    JsonNode services = compose().path("services");
    Map<String, String> expected = Map.of(
        "kafka", StackDefaults.get("P2T_KAFKA_PORT"), "elasticsearch", StackDefaults.get("P2T_ES_PORT"),
        "kibana", "5601", "postgres", StackDefaults.get("P2T_PG_PORT"),
        "jobmanager", StackDefaults.get("P2T_FLINK_PORT"), "prometheus", "9090");
    expected.forEach((service, port) -> {
      List<String> published = new ArrayList<>();
      services.path(service).path("ports").forEach(p -> published.add(p.asText()));
      assertThat(published).as(service).contains("127.0.0.1:" + port + ":" + port);
    });
  }

  @Test
  void composeKeepsEachStoresDataInANamedVolume() throws IOException {
    JsonNode compose = compose();
    Set<String> named = new HashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(named::add);
    String kafkaLogDirs = compose.at("/services/kafka/environment/KAFKA_LOG_DIRS").asText();
    Map<String, String> dataDirs = Map.of("kafka", kafkaLogDirs,
        "elasticsearch", "/usr/share/elasticsearch/data", "postgres", "/var/lib/postgresql/data",
        "jobmanager", "/opt/flink/data", "taskmanager", "/opt/flink/data", "prometheus", "/prometheus");
    dataDirs.forEach((service, dir) -> {
      Map<String, String> mounts = mounts(compose.path("services").path(service));
      assertThat(mounts).as(service).containsKey(dir);
      assertThat(named).as(service + " keeps " + dir + " in a named volume").contains(mounts.get(dir));
    });
  }

  @Test
  void composeServicesHaveHealthchecksAndOneShotsAreWaitedFor() throws IOException {
    JsonNode services = compose().path("services");
    Set<String> waitedFor = new HashSet<>();
    services.fields().forEachRemaining(s -> s.getValue().path("depends_on").fields().forEachRemaining(d -> {
      assertThat(services.has(d.getKey())).as(s.getKey() + " depends on " + d.getKey()).isTrue();
      String condition = d.getValue().path("condition").asText();
      if (condition.equals("service_completed_successfully")) {
        waitedFor.add(d.getKey());
      } else {
        assertThat(condition).as(s.getKey() + " waits for " + d.getKey()).isEqualTo("service_healthy");
        assertThat(services.path(d.getKey()).has("healthcheck")).as(d.getKey()).isTrue();
      }
    }));
    services.fields().forEachRemaining(s -> {
      if (s.getValue().path("restart").asText().equals("no")) {
        assertThat(waitedFor).as("one-shot %s", s.getKey()).contains(s.getKey());
      } else {
        assertThat(s.getValue().path("healthcheck").path("test").size()).as(s.getKey()).isGreaterThan(1);
      }
    });
  }

  @Test
  void composeCreatesTheRegistrysTopicsAndFlinkReportsToPrometheus() throws IOException {
    JsonNode services = compose().path("services");
    Map<String, String> topicMounts = mounts(services.path("kafka-topics"));
    assertThat(COMPOSE.resolve(topicMounts.get("/topics.txt")).normalize())
        .isEqualTo(REPO.resolve("infra/kafka/topics.txt"));
    assertThat(services.at("/kafka-topics/command/0").asText()).contains("/topics.txt", "--create");

    String prometheus = Files.readString(COMPOSE.resolve("prometheus.yml"));
    for (String flink : List.of("jobmanager", "taskmanager")) {
      String properties = services.path(flink).path("environment").path("FLINK_PROPERTIES").asText();
      assertThat(properties).as(flink).contains("metrics.reporter.prom.factory.class: " + PROMETHEUS_FACTORY)
          .contains("metrics.reporter.prom.port: \"9249\"")
          .contains("classloader.parent-first-patterns.additional: org.postgresql.");
      assertThat(prometheus).contains("\"" + flink + ":9249\"");
      assertThat(mounts(services.path(flink))).containsKey("/opt/flink/lib/postgresql.jar");
    }
    // the alert rules the local stack's Prometheus evaluates
    assertThat(prometheus).contains("rule_files:", "- alerts.yml");
    assertThat(COMPOSE.resolve(mounts(services.path("prometheus")).get("/etc/prometheus/alerts.yml")).normalize())
        .isEqualTo(REPO.resolve("infra/prometheus/alerts.yml"));
  }

  @Test
  void composeBindMountsPointAtFilesOfTheRepository() throws IOException {
    compose().path("services").fields().forEachRemaining(s -> mounts(s.getValue()).forEach((target, source) -> {
      if (source.startsWith(".") && !source.contains("${")) {
        assertThat(COMPOSE.resolve(source)).as(s.getKey() + ": " + target).exists();
      }
    }));
  }

  @Test
  void composeGivesTheJobsTheServicesAsTheJobsNameThem() throws IOException {
    JsonNode services = compose().path("services");
    Set<String> accepted = new HashSet<>();
    for (String command : Main.jobCommands()) {
      Main.settingsOf(command).forEach(s -> accepted.add(s.envName()));
    }
    for (String flink : List.of("jobmanager", "taskmanager")) {
      services.path(flink).path("environment").fieldNames().forEachRemaining(name -> {
        if (!name.equals("FLINK_PROPERTIES")) {
          assertThat(accepted).as(flink + " sets " + name).contains(name);
        }
      });
      assertThat(services.path(flink).path("environment").path("P2T_KAFKA_BOOTSTRAP").asText())
          .as(flink).isEqualTo("kafka:19092");
    }
    assertThat(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText()).contains("kafka:19092");
  }

  // ---- helpers

  /** The openAPIV3Schema of FlinkDeployment v1beta1 in the operator's CRD. */
  private static JsonNode operatorSchema() throws IOException {
    try (var in = FlinkDeployment.class.getResourceAsStream(CRD)) {
      assertThat(in).as(CRD).isNotNull();
      for (JsonNode version : YAML.readTree(in).at("/spec/versions")) {
        if (version.path("name").asText().equals("v1beta1")) {
          return version.at("/schema/openAPIV3Schema");
        }
      }
    }
    throw new AssertionError("no v1beta1 in " + CRD);
  }

  /** Fields the schema does not declare and scalars not of the declared type, as "path: problem". */
  private static void checkAgainstSchema(String where, JsonNode value, JsonNode schema, List<String> problems) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      value.fields().forEachRemaining(field -> {
        String at = where + "." + field.getKey();
        if (properties.has(field.getKey())) {
          checkAgainstSchema(at, field.getValue(), properties.get(field.getKey()), problems);
        } else if (additional.isObject()) {
          checkAgainstSchema(at, field.getValue(), additional, problems);
        } else if (!properties.isMissingNode()) {
          problems.add(at + ": not in the schema");
        }
      });
    } else if (value.isArray()) {
      int i = 0;
      for (JsonNode item : value) {
        checkAgainstSchema(where + "[" + i++ + "]", item, schema.path("items"), problems);
      }
    } else {
      String type = schema.path("type").asText("");
      boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
      boolean fits = switch (type) {
        case "string" -> value.isTextual();
        case "integer" -> value.isIntegralNumber() || (intOrString && value.isTextual());
        case "number" -> value.isNumber();
        case "boolean" -> value.isBoolean();
        default -> !intOrString || value.isTextual() || value.isIntegralNumber();
      };
      if (!fits) {
        problems.add(where + ": not a " + type);
      }
    }
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    try (var values = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      values.forEachRemaining(v -> documents.add((JsonNode) v));
      return documents;
    }
  }

  private static JsonNode compose() throws IOException {
    return YAML.readTree(Files.readString(COMPOSE.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
  }

  /** Container path -> source (a named volume, or a host path) of a service's short-form volumes. */
  private static Map<String, String> mounts(JsonNode service) {
    Map<String, String> mounts = new HashMap<>();
    for (JsonNode volume : service.path("volumes")) {
      String spec = volume.asText().replaceFirst(":ro$", "");
      int colon = spec.lastIndexOf(':');
      mounts.put(spec.substring(colon + 1), spec.substring(0, colon));
    }
    return mounts;
  }

  private static Container mainContainer(FlinkDeployment deployment) {
    List<Container> containers = deployment.getSpec().getPodTemplate().getSpec().getContainers();
    assertThat(containers).extracting(Container::getName).containsExactly("flink-main-container");
    return containers.get(0);
  }

  private static Set<String> variables(FlinkDeployment deployment) {
    return mainContainer(deployment).getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
  }

  /**
   * What `Main args` would run with in the pod: literal values as they are, ConfigMap keys from the
   * ConfigMap, a secret as a placeholder.
   */
  private static Settings jobSettings(FlinkDeployment deployment) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : mainContainer(deployment).getEnv()) {
      if (var.getValueFrom() == null) {
        env.put(var.getName(), var.getValue());
      } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
        env.put(var.getName(), settingsMap.getData().get(var.getValueFrom().getConfigMapKeyRef().getKey()));
      } else {
        env.put(var.getName(), "secret");
      }
    }
    return Main.settings(deployment.getSpec().getJob().getArgs(), env);
  }
}
