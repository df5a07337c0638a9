package io.urop.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time (user and system) the process in front (the gateway, or the bare proxy) and menu-service spent during
 * one closed-loop run, as run.sh's {@code measure} wrote it ({@code cpu-<route>-<target>.txt}: clock ticks per second,
 * then each process's ticks).
 */
record CpuTime(double frontSeconds, double menuServiceSeconds) {

    /** Null when the file is missing. */
    static CpuTime read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Double> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                values.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        double perSecond = values.getOrDefault("ticks-per-second", 100.0);
        return new CpuTime(values.getOrDefault("front", 0.0) / perSecond,
                values.getOrDefault("menu-service", 0.0) / perSecond);
    }

    /** Microseconds of the front process's CPU per request answered. */
    double frontMicrosPer(long requests) {
        return frontSeconds * 1e6 / requests;
    }

    /** Microseconds of menu-service's CPU per request answered. */
    double menuServiceMicrosPer(long requests) {
        return menuServiceSeconds * 1e6 / requests;
    }
}
