package io.urop.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} as a platform team would review it: the whole fleet and its infrastructure, each started
 * only once what it depends on is healthy, bounded in memory, its databases provisioned as devstack does, and no secret
 * written in it.
 */
@SuppressWarnings("unchecked") // the file is read as YAML's maps and lists
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("../docker-compose.yml");
    private static final Path DATABASES_SCRIPT = Path.of("../compose/postgres/10-urop-databases.sh");
    private static final Path CONFIG_REPO = Path.of("../config-repo");
    private static final Path CHART_VALUES = Path.of("../helm/urop/values.yaml");
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "redis", "redis-cache", "minio",
            "mailpit");
    /** A variable holding a secret, which may only take its value from the environment (.env). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN).*");
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{\\w+(:\\?[^}]*|:-)}");

    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) read(COMPOSE).get("services");
    private final Map<String, Map<String, Object>> chartServices =
            (Map<String, Map<String, Object>>) read(CHART_VALUES).get("services");

    @Test
    void everyServiceTheChartDeploysAndTheInfrastructureAreThereEachHealthCheckedAndBoundedInMemory() {
        assertThat(services.keySet()).containsAll(chartServices.keySet()).containsAll(INFRASTRUCTURE);
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKeys("healthcheck", "mem_limit");
            assertThat((List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test")).as(name)
                    .isNotEmpty().first().isEqualTo("CMD");
        });
        chartServices.keySet().forEach(name -> assertThat((String) services.get(name).get("image")).as(name)
                .isEqualTo("${UROP_IMAGE_REGISTRY:-urop}/" + name + ":${UROP_IMAGE_TAG:-0.1.0-SNAPSHOT}"));
    }

    @Test
    void eachServiceIsProbedForReadinessOnThePortTheChartProbes() {
        chartServices.forEach((name, chart) -> {
            Object probed = chart.getOrDefault("managementPort", chart.get("port"));
            assertThat(environment(name)).as(name).containsEntry("UROP_HEALTH_PORT", probed);
            assertThat(String.join(" ", (List<String>) ((Map<String, Object>) services.get(name).get("healthcheck"))
                    .get("test"))).as(name).contains("/actuator/health/readiness", "$${UROP_HEALTH_PORT}");
        });
    }

    @Test
    void nothingStartsBeforeWhatItDependsOnIsHealthy() {
        services.forEach((name, service) -> {
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service.getOrDefault(
                    "depends_on", Map.of());
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                assertThat(condition).as(name + " waits for " + dependency).containsEntry("condition", "service_healthy");
            });
        });
        for (String service : List.of("auth-service", "tenant-service", "menu-service", "qr-service", "order-service",
                "payment-service", "notification-service")) {
            assertThat((Map<String, Object>) services.get(service).get("depends_on")).as(service)
                    .containsKeys("config-server", "discovery-server", "postgres", "kafka");
        }
    }

    @Test
    void kafkaRunsInKRaftModeWithoutZooKeeper() {
        Map<String, Object> kafka = environment("kafka");
        assertThat((String) kafka.get("KAFKA_PROCESS_ROLES")).contains("broker", "controller");
        assertThat(services).doesNotContainKey("zookeeper");
    }

    @Test
    void noSecretIsWrittenInTheFileAndEachServiceReadsOnlyTheSecretsTheChartGivesIt() {
        services.forEach((name, service) -> environment(name).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches()) {
                assertThat(String.valueOf(value)).as(name + " " + variable + " comes from the environment")
                        .matches(FROM_ENVIRONMENT);
            }
        }));
        chartServices.forEach((name, chart) -> {
            Set<String> secrets = environment(name).keySet().stream()
                    .filter(variable -> SECRET_NAME.matcher(variable).matches()).collect(Collectors.toSet());
            assertThat((List<String>) chart.getOrDefault("secretKeys", List.of())).as(name).containsAll(secrets);
        });
    }

    @Test
    void postgresIsGivenEveryServicesDatabaseWithItsOwnerAndAppRolesAsDevstackProvisionsThem() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(CONFIG_REPO)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Map<String, Object> urop = (Map<String, Object>) read(file).getOrDefault("urop", Map.of());
                if (urop.get("db") != null) {
                    named.add((String) urop.get("db"));
                }
            }
        }
        String script = Files.readString(DATABASES_SCRIPT);
        Matcher loop = Pattern.compile("for db in ([a-z ]+); do").matcher(script);
        assertThat(loop.find()).isTrue();
        assertThat(new TreeSet<>(List.of(loop.group(1).split(" ")))).isEqualTo(named);
        assertThat(script).contains("CREATE ROLE :\"owner\"", "CREATE ROLE :\"app\"", "CREATE DATABASE :\"db\" OWNER :\"owner\"",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :\"app\"", "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        assertThat((List<String>) services.get("postgres").get("volumes"))
                .contains("./compose/postgres:/docker-entrypoint-initdb.d:ro");
    }

    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
    }

    private static Map<String, Object> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
