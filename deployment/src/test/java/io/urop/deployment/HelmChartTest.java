package io.urop.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart as Helm itself lints and renders it, for the default (development) values and the production ones, and
 * the rendered manifests read as a platform team's review would: every Deployment probed, limited, disrupted at most
 * one pod at a time, never root, reading secrets only by reference.
 */
@SuppressWarnings("unchecked") // the manifests are read as YAML's maps and lists
class HelmChartTest {

    private static final Path CHART = Path.of("../helm/urop");
    private static final Set<String> SERVICES = Set.of("config-server", "discovery-server", "gateway", "auth-service",
            "tenant-service", "menu-service", "qr-service", "order-service", "payment-service",
            "notification-service", "web-apps");

    /** A key that would hold a secret's value (not a Secret's name, a switch, nor the keys a service reads). */
    private static final String SECRET_VALUE =
            "(?im)^\\s*[\\w.-]*(password|token|api[_-]?key|secret[_-]?key|signing[_-]?key|encryption[_-]?key)\\s*:\\s*(?!(true|false)\\b)\\S";

    /** Lint takes the chart's own values; the production values are rendered by every test below that reads them. */
    @Test
    void theChartLintsStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyDeploymentIsProbedLimitedNeverRootAndHasADisruptionBudget() {
        for (List<Map<String, Object>> manifests : List.of(render(null), render(CHART.resolve("values-prod.yaml")))) {
            List<Map<String, Object>> deployments = ofKind(manifests, "Deployment");
            assertThat(deployments).extracting(HelmChartTest::name).containsExactlyInAnyOrderElementsOf(
                    SERVICES.stream().map(service -> "urop-" + service).toList());
            Set<Object> budgets = ofKind(manifests, "PodDisruptionBudget").stream()
                    .map(pdb -> at(pdb, "spec", "selector", "matchLabels")).collect(Collectors.toSet());
            for (Map<String, Object> deployment : deployments) {
                String name = name(deployment);
                Map<String, Object> pod = at(deployment, "spec", "template", "spec");
                assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
                Map<String, Object> container = containers(pod).get(0);
                assertThat((Object) at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
                assertThat((Object) at(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat((String) at(container, probe, "httpGet", "path")).as(name + " " + probe)
                            .startsWith("/actuator/health/");
                }
                assertThat((Map<String, Object>) at(container, "resources", "limits")).as(name).containsKey("memory");
                assertThat(budgets).as(name + " has a PodDisruptionBudget")
                        .contains((Object) at(deployment, "spec", "selector", "matchLabels"));
            }
        }
    }

    @Test
    void theGatewayIsProbedOnItsManagementPortWhichNeitherItsServiceNorTheIngressExposes() {
        List<Map<String, Object>> manifests = render(CHART.resolve("values-prod.yaml"));
        Map<String, Object> gateway = named(ofKind(manifests, "Deployment"), "urop-gateway");
        Map<String, Object> container = containers(at(gateway, "spec", "template", "spec")).get(0);
        assertThat((Object) at(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
        List<Map<String, Object>> servicePorts = at(named(ofKind(manifests, "Service"), "urop-gateway"), "spec", "ports");
        assertThat(servicePorts).extracting(port -> port.get("targetPort")).containsExactly("http");
        Map<String, Object> ingress = named(ofKind(manifests, "Ingress"), "urop-gateway");
        List<Map<String, Object>> tls = at(ingress, "spec", "tls");
        assertThat(tls).singleElement().extracting(entry -> entry.get("secretName")).isEqualTo("urop-io-tls");
        assertThat(manifests.toString()).doesNotContain("port={name=management}", "number=9080");
    }

    @Test
    void noSecretValueIsInTheChartOnlyReferencesToTheOperatorsSecret() throws Exception {
        List<Map<String, Object>> manifests = render(CHART.resolve("values-prod.yaml"));
        assertThat(ofKind(manifests, "Secret")).isEmpty();
        for (Map<String, Object> deployment : ofKind(manifests, "Deployment")) {
            for (Map<String, Object> variable : (List<Map<String, Object>>) containers(
                    at(deployment, "spec", "template", "spec")).get(0).get("env")) {
                String variableName = (String) variable.get("name");
                if (variableName.matches(".*(PASSWORD|SECRET|KEY|TOKEN).*")) {
                    assertThat(variable).as(name(deployment) + " " + variableName).doesNotContainKey("value");
                    assertThat((Object) at(variable, "valueFrom", "secretKeyRef", "name")).isEqualTo("urop-secrets");
                }
            }
        }
        try (var files = Files.walk(CHART)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(SECRET_VALUE);
            }
        }
    }

    @Test
    void oneReleaseMayDeployOneServiceAlone() {
        TemplateCommand template = new Helm(CHART).template().withName("urop-orders");
        for (String service : SERVICES) {
            template = template.set("services." + service + ".enabled", Boolean.toString(service.equals("order-service")));
        }
        List<Map<String, Object>> manifests = parse(template.call());
        assertThat(ofKind(manifests, "Deployment")).extracting(HelmChartTest::name)
                .containsExactly("urop-orders-order-service");
        assertThat(ofKind(manifests, "Ingress")).isEmpty();
    }

    @Test
    void everyPodIsClosedUnlessAPolicyOfItsOwnOpensAPath() {
        List<Map<String, Object>> manifests = render(null);
        Map<String, Object> deny = named(ofKind(manifests, "NetworkPolicy"), "urop-default-deny");
        assertThat((List<String>) at(deny, "spec", "policyTypes")).containsExactly("Ingress", "Egress");
        assertThat((Map<String, Object>) deny.get("spec")).doesNotContainKeys("ingress", "egress");
        Map<String, Object> orders = named(ofKind(manifests, "NetworkPolicy"), "urop-order-service");
        List<Map<String, Object>> ingress = at(orders, "spec", "ingress");
        assertThat(ingress.get(0).toString()).contains("app.kubernetes.io/part-of=urop");
        Map<String, Object> gateway = named(ofKind(manifests, "NetworkPolicy"), "urop-gateway");
        assertThat(((List<Map<String, Object>>) at(gateway, "spec", "ingress")).get(0)).doesNotContainKey("from");
    }

    @Test
    void prometheusScrapesEveryServiceAndHoldsTheFleetToItsObjectivesWhereItsOperatorIsInstalled() {
        assertThat(render(null)).as("no cluster with the operator's CRDs to ask").noneMatch(manifest ->
                List.of("ServiceMonitor", "PrometheusRule").contains(manifest.get("kind")));

        List<Map<String, Object>> manifests = parse(new Helm(CHART).template().withName("urop")
                .withValuesFile(CHART.resolve("values-prod.yaml")).set("monitoring.force", "true").call());

        List<Map<String, Object>> monitors = ofKind(manifests, "ServiceMonitor");
        assertThat(monitors).extracting(HelmChartTest::name).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().map(service -> "urop-" + service).toList());
        for (Map<String, Object> monitor : monitors) {
            Map<String, Object> endpoint = ((List<Map<String, Object>>) at(monitor, "spec", "endpoints")).get(0);
            assertThat(endpoint).as(name(monitor)).containsEntry("path", "/actuator/prometheus")
                    .containsEntry("port", name(monitor).equals("urop-gateway") ? "management" : "http");
        }
        Map<String, Object> gatewayMonitor = named(monitors, "urop-gateway");
        Map<String, Object> managementService = named(ofKind(manifests, "Service"), "urop-gateway-management");
        assertThat((Map<String, Object>) at(managementService, "metadata", "labels"))
                .containsAllEntriesOf(at(gatewayMonitor, "spec", "selector", "matchLabels"));
        assertThat((Map<String, Object>) at(named(ofKind(manifests, "Service"), "urop-gateway"), "metadata", "labels"))
                .as("the public Service is not scraped").doesNotContainKey("app.kubernetes.io/component");

        List<Map<String, Object>> rules = at(((List<Map<String, Object>>) at(
                named(ofKind(manifests, "PrometheusRule"), "urop-slo"), "spec", "groups")).get(0), "rules");
        assertThat(rules).extracting(rule -> rule.get("alert")).containsExactlyInAnyOrder("UropSlowResponses",
                "UropServerErrors", "UropConsumerLag", "UropOutboxLag", "UropOutboxEventParked");
        for (Map<String, Object> rule : rules) {
            String runbook = at(rule, "annotations", "runbook_url");
            assertThat(Path.of("../docs/runbooks").resolve(runbook.substring(runbook.lastIndexOf('/') + 1)))
                    .as(rule.get("alert") + " has its runbook").isRegularFile();
            assertThat((String) at(rule, "annotations", "summary")).contains("{{ $labels.application }}");
        }
        assertThat((String) rules.get(0).get("expr")).contains("http_server_requests_seconds_bucket", "> 0.5");
    }

    private static List<Map<String, Object>> render(Path values) {
        TemplateCommand template = new Helm(CHART).template().withName("urop");
        return parse((values == null ? template : template.withValuesFile(values)).call());
    }

    private static List<Map<String, Object>> parse(String rendered) {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered)) {
            if (document instanceof Map<?, ?> manifest) {
                manifests.add((Map<String, Object>) manifest);
            }
        }
        return manifests;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> manifests, String name) {
        return manifests.stream().filter(manifest -> name.equals(name(manifest))).findFirst().orElseThrow(
                () -> new AssertionError("no " + name));
    }

    private static String name(Map<String, Object> manifest) {
        return at(manifest, "metadata", "name");
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return (List<Map<String, Object>>) pod.get("containers");
    }

    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = value instanceof Map<?, ?> inner ? inner.get(key) : null;
        }
        return (T) Objects.requireNonNull(value, () -> String.join(".", path) + " is missing");
    }
}
