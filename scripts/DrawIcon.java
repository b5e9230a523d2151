import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Guidance Lab's application icon: a guide lane of blocks above a target lane, each guide tap joined by a line
 * to the target tap it pulls on, over a target x guide CKA heatmap in viridis (bright where the paired layers align).
 * The same picture the app shows, reduced to what reads at 48 pixels.
 *
 * <pre>java scripts/DrawIcon.java assets    # writes assets/icon-256.png, icon-128.png, icon-48.png, icon-32.png</pre>
 *
 * Run with the JDK alone (no build, no dependencies); the PNGs are committed, the build copies them into the jar.
 */
public final class DrawIcon {
    /** viridis at 0, 1/8, ..., 1, as in figures.ViridisScale. */
    private static final int[] VIRIDIS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863, 0xAADC32, 0xFDE725};
    // Block kind colours of the builder (guidancelab.css): conv for the guide (a CNN), dense for the target (an MLP).
    private static final Color GUIDE = new Color(0x2da44e);
    private static final Color TARGET = new Color(0x2f81f7);
    private static final Color CARD = new Color(0xf6f8fa);
    private static final Color LINE = new Color(0xffffff);
    private static final Color TAP = new Color(0x0969da);

    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "assets");
        dir.mkdirs();
        for (int size : new int[] {256, 128, 48, 32}) {
            // Draw large and scale down in steps: smooth edges at every size.
            BufferedImage img = draw(1024);
            while (img.getWidth() / 2 >= size) {
                img = half(img);
            }
            if (img.getWidth() != size) {
                img = scale(img, size);
            }
            File out = new File(dir, "icon-" + size + ".png");
            ImageIO.write(img, "png", out);
            System.out.println(out);
        }
    }

    static BufferedImage draw(int s) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double u = s / 256.0; // drawing units: a 256 grid
        double m = 8 * u;
        Shape tile = new RoundRectangle2D.Double(m, m, s - 2 * m, s - 2 * m, 56 * u, 56 * u);
        g.setClip(tile);

        // The CKA heatmap: 6 x 6 cells, high along the diagonal of paired layers, fading away from it.
        int n = 6;
        double cell = (s - 2 * m) / n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double d = Math.abs(r - c);
                double v = Math.max(0.0, 0.97 - 0.2 * d);
                g.setColor(viridis(v));
                g.fill(new Rectangle2D.Double(m + c * cell, m + (n - 1 - r) * cell, cell + 1, cell + 1));
            }
        }
        // A light dark veil: the heatmap stays readable behind, the blocks stand out in front.
        g.setColor(new Color(13, 17, 23, 60));
        g.fill(new Rectangle2D.Double(0, 0, s, s));

        double bw = 52 * u;
        double bh = 44 * u;
        double gy = 38 * u;
        double ty = 150 * u;
        double[] guideX = {40 * u, 102 * u, 164 * u};
        double[] targetX = {24 * u, 78 * u, 132 * u, 186 * u};
        double tw = 46 * u;
        // The two lanes: darker bands behind the guide's and the target's blocks.
        g.setColor(new Color(13, 17, 23, 170));
        g.fill(new RoundRectangle2D.Double(24 * u, gy - 12 * u, 208 * u, bh + 24 * u, 22 * u, 22 * u));
        g.fill(new RoundRectangle2D.Double(14 * u, ty - 12 * u, 228 * u, bh + 24 * u, 22 * u, 22 * u));
        // Pair lines: guide tap i to target tap round(i (nT-1)/(nG-1)), the paper's rule: 0->0, 1->2, 2->3.
        int[] pairs = {0, 2, 3};
        g.setStroke(new BasicStroke((float) (7 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(LINE);
        for (int i = 0; i < guideX.length; i++) {
            double x1 = guideX[i] + bw / 2;
            double x2 = targetX[pairs[i]] + tw / 2;
            g.draw(new Line2D.Double(x1, gy + bh + 4 * u, x2, ty - 4 * u));
        }
        for (double x : guideX) {
            block(g, x, gy, bw, bh, GUIDE, u);
            tap(g, x + bw / 2, gy + bh + 4 * u, u);
        }
        for (int j = 0; j < targetX.length; j++) {
            block(g, targetX[j], ty, tw, bh, TARGET, u);
            boolean paired = j == 0 || j == 2 || j == 3;
            if (paired) {
                tap(g, targetX[j] + tw / 2, ty - 4 * u, u);
            }
        }
        g.setClip(null);
        g.dispose();
        return img;
    }

    /** A builder block: a light card with its kind's colour strip on top. */
    private static void block(Graphics2D g, double x, double y, double w, double h, Color kind, double u) {
        Shape card = new RoundRectangle2D.Double(x, y, w, h, 12 * u, 12 * u);
        g.setColor(CARD);
        g.fill(card);
        Shape old = g.getClip();
        g.clip(card);
        g.setColor(kind);
        g.fill(new Rectangle2D.Double(x, y, w, 13 * u));
        g.setClip(old);
    }

    private static void tap(Graphics2D g, double cx, double cy, double u) {
        double r = 9 * u;
        g.setColor(LINE);
        g.fill(new Ellipse2D.Double(cx - r - 3 * u, cy - r - 3 * u, 2 * (r + 3 * u), 2 * (r + 3 * u)));
        g.setColor(TAP);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    static Color viridis(double v) {
        double t = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
        int k = Math.min((int) Math.floor(t), VIRIDIS.length - 2);
        double f = t - k;
        int a = VIRIDIS[k];
        int b = VIRIDIS[k + 1];
        return new Color(lerp(a >> 16, b >> 16, f), lerp(a >> 8, b >> 8, f), lerp(a, b, f));
    }

    private static int lerp(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * f);
    }

    private static BufferedImage half(BufferedImage src) {
        return scale(src, src.getWidth() / 2);
    }

    private static BufferedImage scale(BufferedImage src, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        return out;
    }
}
