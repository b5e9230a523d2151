package org.guidancelab.runs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.guidancelab.engine.optim.OptimizerState;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.engine.train.Phase;

/**
 * An arm checkpoint on disk ("GLCKPT02", big-endian): the file's length, arm name, phase, step, target params/state/random position,
 * optimizer kind, update count and slots, the guide's params and state, the guide's random position, then a CRC-32 of
 * everything before it, so a damaged file is told from a good one. "GLCKPT01" files (no phase, no guide random, no
 * checksum) are still read.
 *
 * <p>Written atomically (temp file + move); the checkpoint it replaces is kept beside it as {@code NAME.ckpt.prev}, so
 * a resume can fall back to it when the newest one turns out damaged.
 */
public final class CheckpointFile {
    private static final String MAGIC_V1 = "GLCKPT01";
    private static final String MAGIC = "GLCKPT02";
    private static final String PREVIOUS_SUFFIX = ".prev";

    private CheckpointFile() {
    }

    /** A checkpoint file that cannot be used: the file and what is wrong with it. */
    public static final class DamagedException extends IOException {
        private final transient Path file;
        private final String reason;

        DamagedException(Path file, String reason, Throwable cause) {
            super(file + ": " + reason, cause);
            this.file = file;
            this.reason = reason;
        }

        public Path file() {
            return file;
        }

        public String reason() {
            return reason;
        }
    }

    /** The previous checkpoint kept beside {@code file}. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + PREVIOUS_SUFFIX);
    }

    /**
     * Writes {@code s} to {@code file} atomically; an existing {@code file} is first kept as {@link #previous} through
     * a hard link (a copy where links are not supported), so {@code file} itself never goes missing: a kill at any
     * point leaves the old or the new checkpoint under its name, and a reader never finds the name empty.
     */
    public static void write(Path file, ArmState s) throws IOException {
        byte[] bytes = encode(s);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            if (Files.isRegularFile(file)) {
                keepAsPrevious(file, tmp.resolveSibling(tmp.getFileName() + PREVIOUS_SUFFIX));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code file} becomes {@link #previous} too, by a link (or copy) under {@code staging} moved into place. */
    private static void keepAsPrevious(Path file, Path staging) throws IOException {
        try {
            Files.deleteIfExists(staging);
            try {
                Files.createLink(staging, file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(file, staging, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(staging, previous(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    static byte[] encode(ArmState s) throws IOException {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(fields)) {
            out.writeUTF(s.arm());
            out.writeUTF(s.phase().jsonName());
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
            out.writeLong(s.guideRandom());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeLong(MAGIC.length() + Long.BYTES + (long) fields.size() + Integer.BYTES);
            fields.writeTo(out);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        }
        return bytes.toByteArray();
    }

    /** Reads a checkpoint; a file that is not one, is truncated or is damaged throws {@link DamagedException}. */
    public static ArmState read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length()) {
            throw new DamagedException(file, all.length == 0 ? "the checkpoint is empty" : "the checkpoint is truncated", null);
        }
        String magic = new String(all, 0, MAGIC.length(), StandardCharsets.US_ASCII);
        boolean v1 = magic.equals(MAGIC_V1);
        if (!v1 && !magic.equals(MAGIC)) {
            throw new DamagedException(file, "not a Guidance Lab checkpoint", null);
        }
        int start = MAGIC.length();
        int body = all.length;
        if (!v1) {
            if (all.length < MAGIC.length() + Long.BYTES) {
                throw new DamagedException(file, "the checkpoint is truncated (" + all.length + " bytes)", null);
            }
            long declared = ByteBuffer.wrap(all, MAGIC.length(), Long.BYTES).getLong();
            if (declared > all.length && declared <= Integer.MAX_VALUE) {
                throw new DamagedException(file, "the checkpoint is truncated (" + all.length + " of its " + declared + " bytes)", null);
            }
            if (declared != all.length) {
                throw new DamagedException(file, "the checkpoint is damaged (" + all.length + " bytes where " + declared
                        + " were written)", null);
            }
            start = MAGIC.length() + Long.BYTES;
            body = all.length - Integer.BYTES;
            CRC32 crc = new CRC32();
            crc.update(all, 0, body);
            int stored = ((all[body] & 0xff) << 24) | ((all[body + 1] & 0xff) << 16) | ((all[body + 2] & 0xff) << 8) | (all[body + 3] & 0xff);
            if ((int) crc.getValue() != stored) {
                throw new DamagedException(file, "the checkpoint is damaged (its checksum does not match its content)", null);
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, start, body - start))) {
            String arm = in.readUTF();
            Phase phase = Phase.TASK;
            if (!v1) {
                try {
                    phase = Phase.parse(in.readUTF());
                } catch (IllegalArgumentException e) {
                    throw new DamagedException(file, "damaged checkpoint (" + e.getMessage() + ")", e);
                }
            }
            int step = in.readInt();
            float[] params = floats(in, file);
            float[] state = floats(in, file);
            long random = in.readLong();
            String kind = in.readUTF();
            long updates = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > in.available() / Integer.BYTES) {
                throw new DamagedException(file, "damaged checkpoint (" + n + " optimizer slots)", null);
            }
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
            long guideRandom = v1 ? 0L : in.readLong();
            if (in.available() > 0) {
                throw new DamagedException(file, "damaged checkpoint (" + in.available() + " bytes past its end)", null);
            }
            return new ArmState(arm, phase, step, params, state, random, new OptimizerState(kind, updates, slots),
                    guideParams, guideState, guideRandom);
        } catch (EOFException e) {
            throw new DamagedException(file, "the checkpoint is truncated", e);
        } catch (java.io.UTFDataFormatException e) {
            throw new DamagedException(file, "damaged checkpoint (unreadable text)", e);
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
            throw new DamagedException(file, "damaged checkpoint (negative array length)", null);
        }
        if (n > in.available() / Float.BYTES) {
            throw new DamagedException(file, "the checkpoint is truncated (an array of " + n + " values does not fit in what is left)", null);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
