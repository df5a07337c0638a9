package io.urop.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images Jib builds, read from the POMs since no registry is reachable here to build them: one per service the
 * chart deploys and none for anything else, each on the port the chart gives it, from a base pinned by digest, never
 * root, with the JVM sized by the container and exiting when out of memory, and labelled.
 */
class ImageConfigurationTest {

    private static final Path ROOT = Path.of("..");
    private static final Element ROOT_POM = read(ROOT.resolve("pom.xml"));

    @Test
    void everyImageComesFromABasePinnedByDigestAndRunsAsAnUnprivilegedUser() {
        Element jib = jibConfiguration();
        assertThat(text(jib, "from", "image")).isEqualTo("${jib.base-image}");
        assertThat(property(ROOT_POM, "jib.base-image")).hasValueSatisfying(image -> assertThat(image)
                .matches("[a-z0-9./-]+:[\\w.-]+@sha256:[0-9a-f]{64}"));
        assertThat(text(jib, "container", "user")).matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(text(jib, "to", "image")).isEqualTo("${jib.registry}/${project.artifactId}:${project.version}");
        assertThat(text(jib, "container", "format")).isEqualTo("OCI");
    }

    @Test
    void theJvmIsSizedByTheContainersMemoryAndExitsWhenOutOfIt() {
        assertThat(children(child(jibConfiguration(), "container", "jvmFlags")))
                .anyMatch(flag -> flag.matches("-XX:MaxRAMPercentage=\\d+"))
                .contains("-XX:+ExitOnOutOfMemoryError")
                .noneMatch(flag -> flag.startsWith("-Xmx"));
    }

    @Test
    void imagesAreLabelledWithTheirNameVersionAndBase() {
        Element labels = child(jibConfiguration(), "container", "labels");
        assertThat(text(labels, "org.opencontainers.image.title")).isEqualTo("${project.artifactId}");
        assertThat(text(labels, "org.opencontainers.image.version")).isEqualTo("${project.version}");
        assertThat(text(labels, "org.opencontainers.image.base.name")).isEqualTo("${jib.base-image}");
    }

    @Test
    void exactlyTheServicesTheChartDeploysHaveAnImageEachExposingThePortsTheChartUses() throws IOException {
        assertThat(property(ROOT_POM, "jib.skip")).as("skipped unless a module asks").contains("true");
        assertThat(text(jibConfiguration(), "skip")).isEqualTo("${jib.skip}");
        assertThat(text(jibConfiguration(), "container", "ports", "port")).isEqualTo("${urop.port}");
        Map<String, Map<String, Object>> chart = chartServices();

        Map<String, Element> imaged = new TreeMap<>();
        for (Element pom : modulePoms()) {
            if (property(pom, "jib.skip").filter("false"::equals).isPresent()) {
                imaged.put(text(pom, "artifactId"), pom);
            }
        }

        assertThat(imaged.keySet()).containsExactlyInAnyOrderElementsOf(chart.keySet());
        chart.forEach((service, values) -> assertThat(property(imaged.get(service), "urop.port")).as(service)
                .contains(String.valueOf(values.get("port"))));
        Element gatewayJib = jibOf(imaged.get("gateway"));
        assertThat(children(child(gatewayJib, "container", "ports")))
                .containsExactly("${urop.port}", String.valueOf(chart.get("gateway").get("managementPort")));
    }

    private static Element jibConfiguration() {
        Element pluginManagement = child(ROOT_POM, "build", "pluginManagement", "plugins");
        return child(plugin(pluginManagement, "jib-maven-plugin").orElseThrow(), "configuration");
    }

    private static Element jibOf(Element pom) {
        return child(plugin(child(pom, "build", "plugins"), "jib-maven-plugin").orElseThrow(), "configuration");
    }

    private static Optional<Element> plugin(Element plugins, String artifactId) {
        return elements(plugins).stream().filter(plugin -> artifactId.equals(text(plugin, "artifactId"))).findFirst();
    }

    private static List<Element> modulePoms() throws IOException {
        List<Element> poms = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            files.filter(file -> file.getFileName().toString().equals("pom.xml") && !file.normalize().equals(
                    ROOT.resolve("pom.xml").normalize()) && !file.toString().contains("node_modules"))
                    .forEach(file -> poms.add(read(file)));
        }
        return poms;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> chartServices() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("helm/urop/values.yaml"))) {
            return (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("services");
        }
    }

    private static Optional<String> property(Element pom, String name) {
        Element properties = child(pom, "properties");
        return properties == null ? Optional.empty() : Optional.ofNullable(text(properties, name));
    }

    private static String text(Element element, String... path) {
        Element found = child(element, path);
        return found == null ? null : found.getTextContent().strip();
    }

    private static Element child(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            current = elements(current).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
        }
        return current;
    }

    private static List<String> children(Element element) {
        return elements(element).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element read(Path pom) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }
}
