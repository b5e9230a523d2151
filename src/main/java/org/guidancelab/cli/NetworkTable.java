package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.LayerInfo;
import org.guidancelab.arch.NetworkAnalysis;

/** Prints a network's shape inference as an aligned table (index, layer, type, output shape, params, tap) with totals. */
final class NetworkTable {
    private NetworkTable() {
    }

    static void print(PrintWriter out, String heading, NetworkAnalysis a) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"#", "layer", "type", "output shape", "params", "tap"});
        for (LayerInfo l : a.layers()) {
            rows.add(new String[]{String.valueOf(l.index()), l.name(), l.type(), l.shapeText(), String.format("%,d", l.params()),
                    l.tap() ? "tap" : ""});
        }
        int[] width = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        out.println(heading);
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < r.length; i++) {
                boolean right = i == 0 || i == 4;
                String cell = right ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                sb.append(cell).append(i < r.length - 1 ? "  " : "");
            }
            out.println(sb.toString().stripTrailing());
        }
        out.printf("  total: %,d parameters, %s forward FLOPs per example, %d taps%n", a.totalParams(),
                flops(a.totalFlops()), a.layers().stream().filter(LayerInfo::tap).count());
    }

    /** 1.2 M, 35.4 G: FLOPs are estimates, three digits are plenty. */
    static String flops(long f) {
        if (f >= 1_000_000_000L) {
            return String.format("%.1f G", f / 1e9);
        } else if (f >= 1_000_000L) {
            return String.format("%.1f M", f / 1e6);
        } else if (f >= 1_000L) {
            return String.format("%.1f k", f / 1e3);
        }
        return String.valueOf(f);
    }
}
