package org.guidancelab.engine.dnnl;

/** Runs test code with the convolutions on one route: oneDNN's primitives ("onednn") or the patch matrices ("im2col"). */
public final class ConvRoute {
    private ConvRoute() {
    }

    public static void on(String route, Runnable body) {
        String before = System.getProperty(OneDnn.CONV_PROPERTY);
        System.setProperty(OneDnn.CONV_PROPERTY, route);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(OneDnn.CONV_PROPERTY);
            } else {
                System.setProperty(OneDnn.CONV_PROPERTY, before);
            }
        }
    }
}
