package org.guidancelab.runs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.engine.optim.OptimizerState;
import org.guidancelab.engine.train.ArmState;

/**
 * An arm checkpoint on disk ("GLCKPT" v1, big-endian): arm name, step, target params/state/random position, optimizer
 * kind, update count and slots, then the guide's params and state. Written atomically (temp file + move).
 */
public final class CheckpointFile {
    private static final String MAGIC = "GLCKPT01";

    private CheckpointFile() {
    }

    public static void write(Path file, ArmState s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeUTF(s.arm());
            out.writeInt(s.step());
            floats(out, s.targetParams());
            floats(out, s.targetState());
            out.writeLong(s.targetRandom());
            out.writeUTF(s.optimizer().kind());
            out.writeLong(s.optimizer().updates());
            List<float[]> slots = s.optimizer().slots();
            out.writeInt(slots.size());
            for (float[] slot : slots) {
                floats(out, slot);
            }
            out.writeBoolean(s.guideParams() != null);
            if (s.guideParams() != null) {
                floats(out, s.guideParams());
                floats(out, s.guideState() == null ? new float[0] : s.guideState());
            }
        }
        RunFiles.writeAtomically(file, bytes.toByteArray());
    }

    public static ArmState read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IOException(file + ": not a Guidance Lab checkpoint");
            }
            String arm = in.readUTF();
            int step = in.readInt();
            float[] params = floats(in, file);
            float[] state = floats(in, file);
            long random = in.readLong();
            String kind = in.readUTF();
            long updates = in.readLong();
            int n = in.readInt();
            List<float[]> slots = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                slots.add(floats(in, file));
            }
            float[] guideParams = null;
            float[] guideState = null;
            if (in.readBoolean()) {
                guideParams = floats(in, file);
                guideState = floats(in, file);
            }
            return new ArmState(arm, step, params, state, random, new OptimizerState(kind, updates, slots), guideParams, guideState);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    private static float[] floats(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException(file + ": corrupt checkpoint (negative array length)");
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
