package io.urop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A member's jar, extracted once per build ({@code jarmode=tools}) so the JVM loads classes from
 * plain files, with a class-data sharing archive written at the first graceful exit and mapped at
 * every later start. Both only make start-up faster; neither changes behaviour.
 */
final class AppImage {

    private final Path directory;
    private final Path jar;
    private final boolean classDataSharing;

    private AppImage(Path directory, Path jar, boolean classDataSharing) {
        this.directory = directory;
        this.jar = jar;
        this.classDataSharing = classDataSharing;
    }

    /** Extracts the built jar unless its extraction is already up to date. */
    static AppImage prepare(Member member, Path builtJar, Path imagesHome, boolean classDataSharing) {
        Path directory = imagesHome.resolve(member.id());
        Path extracted = directory.resolve(builtJar.getFileName());
        try {
            if (!Files.exists(extracted) || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(builtJar)) < 0) {
                deleteRecursively(directory);
                extract(builtJar, directory);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not extract " + builtJar, e);
        }
        return new AppImage(directory, extracted, classDataSharing);
    }

    /** Whether the JVM writes its class-data archive when it exits (its first graceful stop takes longer). */
    boolean writesArchiveAtExit() {
        return classDataSharing && !Files.exists(directory.resolve("app.jsa"));
    }

    /** The JVM options and {@code -jar} argument that run this image. */
    List<String> launchArguments() {
        Path archive = directory.resolve("app.jsa");
        if (!classDataSharing) {
            return List.of("-jar", jar.toString());
        }
        String cds = Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive;
        return List.of(cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString());
    }

    private static void extract(Path builtJar, Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        Process extraction = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", builtJar.toString(), "extract", "--destination", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!extraction.waitFor(2, TimeUnit.MINUTES) || extraction.exitValue() != 0) {
                throw new IOException("Extracting " + builtJar + " failed");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + builtJar, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
