package org.guidancelab.engine.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A saved model: its flat parameters and non-trainable state, in a small binary file ("GLMODEL" v1, big-endian:
 * parameter count, floats, state count, floats). Trained guides are saved and loaded with it; the layout is the flat
 * layout every Model shares, so a file loads into any implementation of the same spec.
 */
public final class ModelFile {
    private static final String MAGIC = "GLMODEL1";

    private ModelFile() {
    }

    /** Writes atomically: a temporary file beside the target, then a move. */
    public static void save(Model model, Path file) throws IOException {
        float[] params = model.params().toFloatVector();
        float[] state = model.state().length() == 0 ? new float[0] : model.state().toFloatVector();
        save(params, state, file);
    }

    /** Saves flat parameters and state taken from a model earlier (e.g. a checkpoint's guide). */
    public static void save(float[] params, float[] state, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeBytes(MAGIC);
                writeFloats(out, params);
                writeFloats(out, state);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // left only when the write failed (a full disk): no half file stays behind
        }
    }

    /** Loads parameters and state into {@code model}, which must have the same parameter and state counts. */
    public static void load(Model model, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new IOException(file + ": not a Guidance Lab model file");
            }
            float[] params = readFloats(in);
            float[] state = readFloats(in);
            assign(model.params(), params, file, "parameters", model);
            assign(model.state(), state, file, "state values", model);
        } catch (EOFException e) {
            throw new IOException(file + ": model file is truncated", e);
        }
    }

    /** Copies {@code values} into a model's flat array (params or state), checking the count. */
    public static void assign(INDArray target, float[] values, Object source, String what, Model model) throws IOException {
        if (target.length() != values.length) {
            throw new IOException(source + ": holds " + values.length + " " + what + " but network '" + model.spec().name()
                    + "' has " + target.length());
        }
        if (values.length > 0) {
            target.assign(Nd4j.createFromArray(values).reshape(target.shape()).castTo(target.dataType()));
        }
    }

    static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative array length " + n);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
