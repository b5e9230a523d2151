package org.guidancelab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The layout of a run folder and the atomic write every file in it goes through. */
public final class RunFiles {
    public static final String EXPERIMENT = "experiment.json";
    public static final String METRICS = "metrics.csv";
    public static final String STATUS = "status.json";
    public static final String CKA_DIR = "cka";
    public static final String CHECKPOINT_DIR = "checkpoints";
    public static final String CHECKPOINT_EXT = ".ckpt";
    /** Trained guides (guided-trained and distillation arms), reusable as an arm's guideModel. */
    public static final String GUIDE_DIR = "guides";
    public static final String MODEL_EXT = ".glmodel";

    private RunFiles() {
    }

    /** A file-name-safe form of an arm name ("guided (warmup)" -> "guided__warmup_"). */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static Path checkpoint(Path runDir, String arm) {
        return runDir.resolve(CHECKPOINT_DIR).resolve(safe(arm) + CHECKPOINT_EXT);
    }

    public static Path guideModel(Path runDir, String arm) {
        return runDir.resolve(GUIDE_DIR).resolve(safe(arm) + MODEL_EXT);
    }

    public static Path cka(Path runDir, String arm, int step) {
        return runDir.resolve(CKA_DIR).resolve(safe(arm)).resolve(String.format("step-%07d.json", step));
    }

    /** Writes through a temporary file in the same folder and a move, so readers never see half a file. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
