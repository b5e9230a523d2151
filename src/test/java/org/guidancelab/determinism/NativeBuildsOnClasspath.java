package org.guidancelab.determinism;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ND4J native builds on the test classpath, as JavaCPP platform extensions ("" is the plain build). */
final class NativeBuildsOnClasspath {
    private static final String LIBRARY = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64%s/libjnind4jcpu.so";

    private NativeBuildsOnClasspath() {
    }

    static List<String> extensions() {
        List<String> out = new ArrayList<>();
        for (String ext : List.of("", "-onednn-avx2", "-avx512", "-onednn-avx512")) {
            if (NativeBuildsOnClasspath.class.getClassLoader().getResource(String.format(LIBRARY, ext)) != null) {
                out.add(ext);
            }
        }
        return out;
    }

    static boolean runsOn(String extension, Set<String> flags) {
        if (extension.endsWith("avx512")) {
            return flags.containsAll(List.of("avx512f", "avx512bw", "avx512dq", "avx512vl"));
        }
        return !extension.endsWith("avx2") || flags.containsAll(List.of("avx2", "fma"));
    }
}
