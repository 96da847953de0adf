package io.safaridesk.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders every Kustomize overlay under {@code infra/k8s} with {@code kubectl kustomize} and checks each resource
 * strictly: Kubernetes kinds through the API's model classes (a field they do not know fails), the operators' kinds
 * against their CRDs' schemas (vendored under {@code k8s/crds}); then the rules: every Deployment's containers have
 * startup, liveness and readiness probes, requests and limits, and a PodDisruptionBudget covers it; no Secret value
 * is committed; every image is pinned, ours to the version of this build. Never skipped: without kubectl it fails.
 */
class KubernetesManifestsUnitTests {

    private static final Path K8S = Path.of("k8s").toAbsolutePath();
    private static final String VERSION = System.getProperty("safaridesk.version", "");
    private static final Set<String> OUR_IMAGES =
            Set.of("helpdesk-api", "tenant-provisioning", "worker", "front-door", "keycloak");
    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "Service", Service.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class,
            "Deployment", Deployment.class,
            "Job", Job.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "Ingress", Ingress.class,
            "NetworkPolicy", NetworkPolicy.class);
    private static final Map<String, String> CUSTOM = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io_scheduledbackups.yaml",
            "rabbitmq.com/v1beta1/RabbitmqCluster", "rabbitmq.com_rabbitmqclusters.yaml",
            "k8s.keycloak.org/v2alpha1/Keycloak", "keycloaks.k8s.keycloak.org-v1.yml");

    private final KubernetesSerialization kubernetes = new KubernetesSerialization();

    @TempDir
    Path scratch;

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyResourceOfTheOverlayIsValidAndFollowsTheRules(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        assertThat(resources).isNotEmpty();
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            validate(resource, errors);
        }
        assertThat(errors).as("schema errors in overlay %s", overlay).isEmpty();

        List<Deployment> deployments = typed(resources, Deployment.class);
        List<PodDisruptionBudget> budgets = typed(resources, PodDisruptionBudget.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .contains("helpdesk-api", "tenant-provisioning", "worker", "front-door");
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getStartupProbe())
                        .as(name + " startup probe")
                        .isNotNull();
                assertThat(container.getLivenessProbe())
                        .as(name + " liveness probe")
                        .isNotNull();
                assertThat(container.getReadinessProbe())
                        .as(name + " readiness probe")
                        .isNotNull();
                assertThat(container.getResources().getLimits())
                        .as(name + " limits")
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getRequests())
                        .as(name + " requests")
                        .containsKeys("cpu", "memory");
            }
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets)
                    .as(name + " has a PodDisruptionBudget")
                    .anyMatch(budget -> podLabels
                            .entrySet()
                            .containsAll(budget.getSpec()
                                    .getSelector()
                                    .getMatchLabels()
                                    .entrySet()));
        }
        assertThat(typed(resources, Job.class))
                .extracting(job -> job.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getArgs())
                .as("the migrate Job")
                .contains(List.of("tenant", "migrate", "--all", "--parallelism", "4"));

        for (Secret secret : typed(resources, Secret.class)) {
            Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
            assertThat(data.values())
                    .as(
                            "Secret %s rendered from the committed example files holds no value",
                            secret.getMetadata().getName())
                    .allMatch(String::isEmpty);
            assertThat(secret.getStringData()).isNullOrEmpty();
        }
        assertImagesPinned(resources);
    }

    /** Secrets only come from files that git ignores, never from a committed manifest or a literal. */
    @org.junit.jupiter.api.Test
    void noSecretValueIsCommitted() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                    continue;
                }
                for (Map<String, Object> document : documents(Files.readString(file))) {
                    assertThat(document.get("kind"))
                            .as(file + " holds a Secret")
                            .isNotEqualTo("Secret");
                    Object generators = document.get("secretGenerator");
                    if (generators instanceof List<?> list) {
                        for (Object generator : list) {
                            Map<?, ?> secret = (Map<?, ?>) generator;
                            assertThat(secret.get("literals"))
                                    .as(file + ": literals in a secretGenerator")
                                    .isNull();
                            Object envs = secret.get("envs");
                            List<?> sources = envs instanceof List<?> e ? e : List.of();
                            String ignored = Files.readString(file.resolveSibling(".gitignore"));
                            for (Object source : sources) {
                                assertThat(ignored.lines())
                                        .as(file + ": " + source + " is ignored by git")
                                        .contains(source.toString());
                                assertThat(file.resolveSibling(source + ".example"))
                                        .exists();
                            }
                        }
                    }
                }
            }
        }
    }

    private List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        Path copy = scratch.resolve("k8s");
        copyTree(K8S, copy);
        try (Stream<Path> files = Files.walk(copy.resolve("overlays").resolve(overlay))) {
            for (Path example :
                    files.filter(f -> f.toString().endsWith(".example")).toList()) {
                Path real =
                        example.resolveSibling(example.getFileName().toString().replace(".example", ""));
                Files.copy(example, real);
            }
        }
        Process kubectl;
        try {
            kubectl = new ProcessBuilder(
                            "kubectl",
                            "kustomize",
                            copy.resolve("overlays").resolve(overlay).toString())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException missing) {
            return fail(
                    "kubectl is needed to render infra/k8s (kubectl kustomize) and was not found on the PATH: "
                            + "install kubectl 1.32+ (it is installed on CI)",
                    missing);
        }
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue())
                .as("kubectl kustomize %s: %s", overlay, err)
                .isZero();
        return documents(out);
    }

    @SuppressWarnings("unchecked")
    private void validate(Map<String, Object> resource, List<String> errors) {
        String kind = String.valueOf(resource.get("kind"));
        String name = String.valueOf(((Map<String, Object>) resource.get("metadata")).get("name"));
        String where = kind + "/" + name;
        Class<?> builtIn = BUILT_IN.get(kind);
        if (builtIn != null) {
            unknownFields(kubernetes.convertValue(resource, builtIn), where, errors);
            return;
        }
        String crd = CUSTOM.get(resource.get("apiVersion") + "/" + kind);
        if (crd == null) {
            errors.add(where + ": " + resource.get("apiVersion") + " " + kind + " is not a kind this test knows");
            return;
        }
        unknownFields(kubernetes.convertValue(resource.get("metadata"), ObjectMeta.class), where + ".metadata", errors);
        for (String field : resource.keySet()) {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                errors.add(where + "." + field + ": unknown field");
            }
        }
        StructuralSchema.validate(
                resource.get("spec"), specSchema(crd, resource.get("apiVersion")), where + ".spec", errors);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specSchema(String crd, Object apiVersion) {
        Map<String, Object> definition = documents(resource("k8s/crds/" + crd)).getFirst();
        String version = apiVersion.toString().substring(apiVersion.toString().indexOf('/') + 1);
        for (Object entry : (List<Object>) ((Map<String, Object>) definition.get("spec")).get("versions")) {
            Map<String, Object> candidate = (Map<String, Object>) entry;
            if (version.equals(candidate.get("name"))) {
                Map<String, Object> schema =
                        (Map<String, Object>) ((Map<String, Object>) candidate.get("schema")).get("openAPIV3Schema");
                return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("spec");
            }
        }
        throw new AssertionError(crd + " has no version " + version);
    }

    /** Fails on every field that the model class did not know (the model keeps those as additional properties). */
    private static void unknownFields(Object node, String path, List<String> errors) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", errors);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, errors));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    errors.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertImagesPinned(List<Map<String, Object>> resources) {
        List<String> images = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            collectImages(resource, images);
        }
        assertThat(images).isNotEmpty();
        for (String image : images) {
            int colon = image.lastIndexOf(':');
            assertThat(colon).as(image + " names a tag").isGreaterThan(image.lastIndexOf('/'));
            String repository = image.substring(0, colon);
            String tag = image.substring(colon + 1);
            assertThat(tag).as(image).isNotEqualTo("latest");
            String shortName = repository.substring(repository.lastIndexOf('/') + 1);
            if (repository.contains("safaridesk/") && OUR_IMAGES.contains(shortName)) {
                assertThat(tag).as(image + " is pinned to this build's version").isEqualTo(VERSION);
            }
        }
        assertThat(VERSION).as("safaridesk.version (set by the build)").isNotBlank();
    }

    @SuppressWarnings("unchecked")
    private static void collectImages(Object node, List<String> images) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("image".equals(key) || "imageName".equals(key)) && value instanceof String image) {
                    images.add(image);
                } else {
                    collectImages(value, images);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectImages(item, images));
        }
    }

    private <T> List<T> typed(List<Map<String, Object>> resources, Class<T> type) {
        return resources.stream()
                .filter(resource -> type.getSimpleName().equals(resource.get("kind")))
                .map(resource -> kubernetes.convertValue(resource, type))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
            if (document != null) {
                documents.add(new HashMap<>((Map<String, Object>) document));
            }
        }
        return documents;
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(
                KubernetesManifestsUnitTests.class.getClassLoader().getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().endsWith(".env")) {
                    Files.copy(path, target);
                }
            }
        }
    }
}
