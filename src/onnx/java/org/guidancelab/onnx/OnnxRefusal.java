package org.guidancelab.onnx;

/** An ONNX file the converter will not turn into a guide; the message says why in one line, naming node or tap. */
public final class OnnxRefusal extends Exception {
    public OnnxRefusal(String message) {
        super(message);
    }
}
