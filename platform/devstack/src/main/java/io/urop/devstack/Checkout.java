package io.urop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The source checkout the fleet runs from: its built jars and its {@code config-repo/}. */
public record Checkout(Path root) {

    /** The checkout that contains the working directory. */
    public static Checkout locate() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("config-repo/application.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new Checkout(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Run from inside the urop checkout (no config-repo/ above "
                + System.getProperty("user.dir") + ")");
    }

    public Path configRepo() {
        return root.resolve("config-repo");
    }

    /** {@code .devstack/} (or {@code UROP_DEVSTACK_HOME}): logs and data of local runs, never committed. */
    public Path home() {
        String override = System.getenv("UROP_DEVSTACK_HOME");
        return override == null || override.isBlank() ? root.resolve(".devstack") : Path.of(override);
    }

    /** The executable jar Maven built for a member. */
    public Path jar(Member member) {
        Path target = root.resolve(member.module()).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> isExecutableJar(f.getFileName().toString(), member))
                    .findFirst()
                    .orElseThrow(() -> missing(member));
        }
        catch (IOException e) {
            throw missing(member);
        }
    }

    private static boolean isExecutableJar(String name, Member member) {
        return name.startsWith(member.id() + "-") && name.endsWith(".jar") && !name.endsWith("-exec.jar")
                && !name.endsWith("-sources.jar") && !name.endsWith("-plain.jar");
    }

    private UncheckedIOException missing(Member member) {
        return new UncheckedIOException(new IOException("No jar for " + member.id() + " under " + member.module()
                + "/target: build first (./devstack builds what is missing)"));
    }
}
