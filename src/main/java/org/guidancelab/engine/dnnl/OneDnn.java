package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx2;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx2_vnni;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx512_core;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx512_core_amx;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx512_core_bf16;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx512_core_vnni;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_sse41;
import static org.bytedeco.dnnl.global.dnnl.dnnl_get_effective_cpu_isa;
import static org.bytedeco.dnnl.global.dnnl.dnnl_version;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.dnnl_version_t;
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
    /** A stream per thread: oneDNN streams are not meant to be shared by threads (sweep cells run side by side). */
    private final ThreadLocal<dnnl_stream> streams;

    private OneDnn(dnnl_engine engine) {
        this.engine = engine;
        this.streams = ThreadLocal.withInitial(() -> {
            dnnl_stream stream = new dnnl_stream();
            check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags), "creating a stream");
            return stream;
        });
    }

    /** The calling thread's stream. */
    dnnl_stream stream() {
        return streams.get();
    }

    private static volatile String warnedAbout;

    /** Whether convolutions run through oneDNN in this JVM (loads the library at the first call). */
    public static boolean convolutions() {
        String route = System.getProperty(CONV_PROPERTY, "").trim();
        if (route.equalsIgnoreCase("im2col")) {
            return false;
        }
        if (!route.isEmpty() && !route.equalsIgnoreCase("onednn") && !route.equals(warnedAbout)) {
            warnedAbout = route;
            System.err.println(badValue(route));
        }
        return get() != null;
    }

    static String badValue(String route) {
        return "warning: -D" + CONV_PROPERTY + "=" + route + " ignored: expected onednn or im2col";
    }

    /** Why oneDNN is not used, or null when it is loaded. */
    public static String unavailableReason() {
        get();
        return unavailable;
    }

    /**
     * For benchmark headers: "oneDNN 2.5.2 primitives, ISA avx2" (the version and the instruction set its kernels
     * were generated for on this CPU), or "patch matrices (why)".
     */
    public static String describe() {
        if (!convolutions()) {
            String why = unavailableReason();
            return "patch matrices (" + (why == null ? "-D" + CONV_PROPERTY + "=im2col" : why) + ")";
        }
        dnnl_version_t v = dnnl_version();
        return "oneDNN " + v.major() + "." + v.minor() + "." + v.patch() + " primitives, ISA "
                + isaName(dnnl_get_effective_cpu_isa());
    }

    static String isaName(int isa) {
        if (isa == dnnl_cpu_isa_avx512_core_amx) {
            return "avx512 amx";
        } else if (isa == dnnl_cpu_isa_avx512_core_bf16) {
            return "avx512 bf16";
        } else if (isa == dnnl_cpu_isa_avx512_core_vnni) {
            return "avx512 vnni";
        } else if (isa == dnnl_cpu_isa_avx512_core) {
            return "avx512";
        } else if (isa == dnnl_cpu_isa_avx2_vnni) {
            return "avx2 vnni";
        } else if (isa == dnnl_cpu_isa_avx2) {
            return "avx2";
        } else if (isa == dnnl_cpu_isa_avx) {
            return "avx";
        } else if (isa == dnnl_cpu_isa_sse41) {
            return "sse4.1";
        }
        return "code " + isa;
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
            OneDnn d = new OneDnn(engine);
            d.stream();
            instance = d;
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
