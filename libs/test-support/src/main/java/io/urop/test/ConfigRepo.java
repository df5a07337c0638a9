package io.urop.test;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the fleet's {@code config-repo/} in the checkout, so tests run with the fleet's own settings. */
public final class ConfigRepo {

    private ConfigRepo() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("config-repo");
            if (Files.isRegularFile(candidate.resolve("application.yml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No config-repo/application.yml above " + System.getProperty("user.dir"));
    }
}
