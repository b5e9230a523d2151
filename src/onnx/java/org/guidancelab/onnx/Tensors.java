package org.guidancelab.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx.TensorProto;
import org.nd4j.shade.protobuf.ByteString;

/** Small edits of ONNX constant tensors (float32 only: what PyTorch exports for weights). */
final class Tensors {
    private Tensors() {
    }

    /** {@code t} times {@code k}, as raw little-endian floats (the layout PyTorch writes). */
    static TensorProto scaled(TensorProto t, float k) throws OnnxRefusal {
        if (t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            throw new OnnxRefusal("constant '" + t.getName() + "' is not float32; only float32 weights are supported");
        }
        float[] v = floats(t);
        ByteBuffer out = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            out.putFloat(x * k);
        }
        return t.toBuilder().clearFloatData().setRawData(ByteString.copyFrom(out.array())).build();
    }

    private static float[] floats(TensorProto t) {
        if (t.getFloatDataCount() > 0) {
            float[] v = new float[t.getFloatDataCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = t.getFloatData(i);
            }
            return v;
        }
        ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
