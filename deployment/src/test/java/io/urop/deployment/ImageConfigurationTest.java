package io.urop.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /**
     * Jib's own entrypoint ({@code java <jvmFlags> -cp <the image's classpath> <main class>}) keeps the flags above; it
     * finds the main class itself, so each image's module has exactly one.
     */
    @Test
    void eachImageStartsItsApplicationThroughJibsJavaEntrypoint() throws IOException {
        assertThat(child(jibConfiguration(), "container", "entrypoint")).as("not replaced").isNull();
        for (Module module : imagedModules().values()) {
            String name = text(module.pom(), "artifactId");
            Element jib = jibOf(module.pom());
            assertThat(jib == null ? null : child(jib, "container", "entrypoint")).as(name).isNull();
            assertThat(mainClasses(module.directory())).as(name + "'s main classes").hasSize(1);
        }
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

        Map<String, Module> imaged = imagedModules();

        assertThat(imaged.keySet()).containsExactlyInAnyOrderElementsOf(chart.keySet());
        chart.forEach((service, values) -> assertThat(property(imaged.get(service).pom(), "urop.port")).as(service)
                .contains(String.valueOf(values.get("port"))));
        Element gatewayJib = jibOf(imaged.get("gateway").pom());
        assertThat(children(child(gatewayJib, "container", "ports")))
                .containsExactly("${urop.port}", String.valueOf(chart.get("gateway").get("managementPort")));
    }

    private static Element jibConfiguration() {
        Element pluginManagement = child(ROOT_POM, "build", "pluginManagement", "plugins");
        return child(plugin(pluginManagement, "jib-maven-plugin").orElseThrow(), "configuration");
    }

    private static Element jibOf(Element pom) {
        Element plugins = child(pom, "build", "plugins");
        return plugins == null ? null : plugin(plugins, "jib-maven-plugin").map(jib -> child(jib, "configuration"))
                .orElse(null);
    }

    /** The modules that make an image, by artifact id. */
    private static Map<String, Module> imagedModules() throws IOException {
        Map<String, Module> imaged = new TreeMap<>();
        for (Module module : modules()) {
            if (property(module.pom(), "jib.skip").filter("false"::equals).isPresent()) {
                imaged.put(text(module.pom(), "artifactId"), module);
            }
        }
        return imaged;
    }

    private static List<Path> mainClasses(Path module) throws IOException {
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            return sources.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    return Files.readString(file).contains("public static void main(");
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Optional<Element> plugin(Element plugins, String artifactId) {
        return elements(plugins).stream().filter(plugin -> artifactId.equals(text(plugin, "artifactId"))).findFirst();
    }

    private static List<Module> modules() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            return files.filter(file -> file.getFileName().toString().equals("pom.xml") && !file.normalize().equals(
                    ROOT.resolve("pom.xml").normalize()) && !file.toString().contains("node_modules"))
                    .map(file -> new Module(file.getParent(), read(file))).toList();
        }
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

    private record Module(Path directory, Element pom) {
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
