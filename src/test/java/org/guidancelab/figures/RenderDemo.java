package org.guidancelab.figures;

import java.nio.file.Path;

/** Writes every figure of the synthetic run, to look at them: {@code RenderDemo OUT_DIR [png|svg] [scale]}. */
public final class RenderDemo {
    private RenderDemo() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "target/figures-demo");
        ExportFormat format = args.length > 1 ? ExportFormat.parse(args[1]) : ExportFormat.PNG;
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        for (Path p : RunFigures.writeAll(SyntheticRun.run("demo run"), out, format, scale)) {
            System.out.println(p);
        }
    }
}
