package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_stream;
import org.guidancelab.engine.blas.Blas;

/**
 * oneDNN's CPU engine and stream of this JVM, loaded once at first use. Convolutions run through it when it loads,
 * ND4J keeps arrays in host memory, and {@code -Dguidancelab.conv} is not {@code im2col} (the route the training
 * path had before, kept for comparison and as the fallback); otherwise callers use that route.
 */
public final class OneDnn {
    /** {@code -Dguidancelab.conv=im2col} turns oneDNN convolutions off; anything else (or nothing) leaves them on. */
    public static final String CONV_PROPERTY = "guidancelab.conv";

    private static final Object LOCK = new Object();
    private static volatile OneDnn instance;
    private static volatile String unavailable;

    final dnnl_engine engine;
    final dnnl_stream stream;

    private OneDnn(dnnl_engine engine, dnnl_stream stream) {
        this.engine = engine;
        this.stream = stream;
    }

    /** Whether convolutions run through oneDNN in this JVM (loads the library at the first call). */
    public static boolean convolutions() {
        return !"im2col".equalsIgnoreCase(System.getProperty(CONV_PROPERTY, "")) && get() != null;
    }

    /** Why oneDNN is not used, or null when it is loaded. */
    public static String unavailableReason() {
        get();
        return unavailable;
    }

    static OneDnn get() {
        OneDnn d = instance;
        if (d != null || unavailable != null) {
            return d;
        }
        synchronized (LOCK) {
            if (instance == null && unavailable == null) {
                load();
            }
            return instance;
        }
    }

    private static void load() {
        if (!Blas.isDirect()) {
            unavailable = "arrays are not in host memory (ND4J's backend is not the CPU one)";
            return;
        }
        try {
            dnnl_engine engine = new dnnl_engine();
            check(dnnl_engine_create(engine, dnnl_cpu, 0), "creating the CPU engine");
            dnnl_stream stream = new dnnl_stream();
            check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags), "creating a stream");
            instance = new OneDnn(engine, stream);
        } catch (LinkageError | RuntimeException e) {
            unavailable = "oneDNN did not load: " + e.getMessage();
        }
    }

    static void check(int status, String what) {
        if (status != dnnl_success) {
            throw new IllegalStateException("oneDNN failed " + what + " (status " + status + ")");
        }
    }
}
