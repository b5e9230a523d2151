package org.guidancelab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The first processor of /proc/cpuinfo: its model name and flags (empty when unreadable, which makes every build
 * but the plain one look unrunnable: the plain build works everywhere).
 */
public record CpuInfo(String model, Set<String> flags) {
    public static CpuInfo read() {
        return parse(Path.of("/proc/cpuinfo"));
    }

    static CpuInfo parse(Path file) {
        String model = "";
        Set<String> flags = Set.of();
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 1).trim();
                if (line.startsWith("model name") && model.isEmpty()) {
                    model = value;
                } else if (line.startsWith("flags") && flags.isEmpty()) {
                    flags = Set.copyOf(Arrays.asList(value.split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: an unknown CPU, for which only the plain build is chosen
        }
        return new CpuInfo(model, flags);
    }

    /**
     * What a measured build choice is valid for: the model and the vector-instruction flags, so a home folder shared
     * between different machines never applies one machine's measurement to another.
     */
    public String signature() {
        Set<String> vector = new TreeSet<>();
        for (String f : flags) {
            if (f.startsWith("avx") || f.equals("fma") || f.startsWith("sse")) {
                vector.add(f);
            }
        }
        return model + " | " + vector.stream().collect(Collectors.joining(" "));
    }
}
