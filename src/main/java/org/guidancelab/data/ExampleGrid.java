package org.guidancelab.data;

import java.awt.image.BufferedImage;

/**
 * Renders examples of a split so a user can see the data: images as a grid (each example min-max scaled for
 * display, since the stored values are standardised; its label underneath), token sequences as rows of coloured
 * token cells with the labels below, 2-D sets as a scatter plot coloured by class, and other feature vectors as
 * rows of colour-coded cells. Plain AWT images drawn pixel by pixel (no fonts needed, works headless).
 */
public final class ExampleGrid {
    /** Ten well-separated class colours (the "tab10" palette), cycled for more classes. */
    static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
        0xbcbd22, 0x17becf};
    private static final int BACKGROUND = 0xffffff;
    private static final int INK = 0x202020;
    private static final int PAD = 4;

    private ExampleGrid() {
    }

    /** The first {@code count} examples of {@code split} (all points for 2-D sets), in the rendering that fits. */
    public static BufferedImage render(TaskData data, Split split, int count) {
        int[] shape = data.inputShape();
        if (data.tokens()) {
            return tokens(data, split, count);
        }
        if (shape.length == 3) {
            return images(data, split, count);
        }
        if (shape.length == 1 && shape[0] == 2) {
            return scatter(split, 480);
        }
        return features(data, split, count);
    }

    public static int classColour(int label) {
        return PALETTE[Math.floorMod(label, PALETTE.length)];
    }

    /** A grid of images [C,H,W] (C = 3 drawn as RGB, otherwise the first channel as gray), label under each. */
    public static BufferedImage images(TaskData data, Split split, int count) {
        int[] shape = data.inputShape();
        int c = shape[0];
        int h = shape[1];
        int w = shape[2];
        int n = Math.min(count, split.size());
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
        int rows = Math.max(1, (n + cols - 1) / cols);
        int scale = Math.max(1, 64 / Math.max(h, w));
        int labelH = PixelFont.HEIGHT * 2 + 4;
        int cellW = w * scale + PAD;
        int cellH = h * scale + PAD + labelH;
        BufferedImage img = blank(cols * cellW + PAD, rows * cellH + PAD);
        int per = data.inputSize();
        float[] x = split.x();
        for (int i = 0; i < n; i++) {
            int ox = PAD + (i % cols) * cellW;
            int oy = PAD + (i / cols) * cellH;
            int base = i * per;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            int used = c == 3 ? per : h * w;
            for (int k = 0; k < used; k++) {
                min = Math.min(min, x[base + k]);
                max = Math.max(max, x[base + k]);
            }
            float range = max > min ? max - min : 1f;
            for (int yy = 0; yy < h; yy++) {
                for (int xx = 0; xx < w; xx++) {
                    int p = yy * w + xx;
                    int rgb;
                    if (c == 3) {
                        rgb = (byteOf(x[base + p], min, range) << 16) | (byteOf(x[base + h * w + p], min, range) << 8)
                                | byteOf(x[base + 2 * h * w + p], min, range);
                    } else {
                        int g = byteOf(x[base + p], min, range);
                        rgb = (g << 16) | (g << 8) | g;
                    }
                    PixelFont.fill(img, ox + xx * scale, oy + yy * scale, scale, scale, rgb);
                }
            }
            int label = split.y()[i * data.labelsPerExample()];
            PixelFont.draw(img, Integer.toString(label), ox, oy + h * scale + 2, 2, classColour(label));
        }
        return img;
    }

    /** One row per sequence: a coloured cell per token with its glyph, and the labels in a row beneath. */
    public static BufferedImage tokens(TaskData data, Split split, int count) {
        int t = data.inputSize();
        int l = data.labelsPerExample();
        int n = Math.min(count, split.size());
        int cell = 16;
        int labelCols = l == 1 ? 2 : l;
        int width = PAD + (t + (l == 1 ? labelCols : 0)) * cell + PAD;
        int rowH = (l == 1 ? 1 : 2) * cell + PAD * 2;
        BufferedImage img = blank(width, PAD + Math.max(1, n) * rowH);
        String[] names = TokenText.tokenNames(data);
        for (int i = 0; i < n; i++) {
            int oy = PAD + i * rowH;
            for (int p = 0; p < t; p++) {
                int tok = (int) split.x()[i * t + p];
                String name = tok >= 0 && tok < names.length ? names[tok] : "?";
                boolean special = name.length() > 1;
                int bg = special ? 0xd0d0d0 : lighten(classColour(tok));
                PixelFont.fill(img, PAD + p * cell, oy, cell - 1, cell - 1, bg);
                PixelFont.draw(img, name.substring(0, 1), PAD + p * cell + 5, oy + 3, 2, INK);
            }
            if (l == 1) {
                int y = split.y()[i];
                PixelFont.draw(img, Integer.toString(y), PAD + (t + 1) * cell + 2, oy + 3, 2, classColour(y));
            } else {
                for (int p = 0; p < l; p++) {
                    int y = split.y()[i * l + p];
                    PixelFont.draw(img, y < 0 ? "-" : Integer.toString(y), PAD + p * cell + 5, oy + cell + 3, 2,
                            y < 0 ? 0xb0b0b0 : 0xc00000);
                }
            }
        }
        return img;
    }

    /** A square scatter plot of 2-D points coloured by class, equal axis scales, axes through the origin. */
    public static BufferedImage scatter(Split split, int size) {
        BufferedImage img = blank(size, size);
        float[] x = split.x();
        int n = split.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 2 * n; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        if (n == 0 || hi <= lo) {
            lo = -1;
            hi = 1;
        }
        double margin = 0.05 * (hi - lo);
        lo -= margin;
        hi += margin;
        double k = (size - 1) / (hi - lo);
        int zero = (int) Math.round((0 - lo) * k);
        if (zero >= 0 && zero < size) {
            PixelFont.fill(img, zero, 0, 1, size, 0xdddddd);
            PixelFont.fill(img, 0, size - 1 - zero, size, 1, 0xdddddd);
        }
        for (int i = 0; i < n; i++) {
            int px = (int) Math.round((x[2 * i] - lo) * k);
            int py = size - 1 - (int) Math.round((x[2 * i + 1] - lo) * k);
            PixelFont.fill(img, px - 1, py - 1, 3, 3, classColour(split.y()[i]));
        }
        return img;
    }

    /** One row per example: a cell per feature (blue negative, red positive, saturating at +-2), then the label. */
    public static BufferedImage features(TaskData data, Split split, int count) {
        int f = data.inputSize();
        int n = Math.min(count, split.size());
        int cell = Math.max(2, Math.min(12, 600 / Math.max(1, f)));
        int rowH = Math.max(cell, PixelFont.HEIGHT * 2) + 2;
        BufferedImage img = blank(PAD + f * cell + 3 * cell + 24, PAD + Math.max(1, n) * rowH + PAD);
        for (int i = 0; i < n; i++) {
            int oy = PAD + i * rowH;
            for (int j = 0; j < f; j++) {
                PixelFont.fill(img, PAD + j * cell, oy, cell, cell, diverging(split.x()[i * f + j]));
            }
            int y = split.y()[i * data.labelsPerExample()];
            PixelFont.draw(img, Integer.toString(y), PAD + f * cell + cell, oy, 2, classColour(y));
        }
        return img;
    }

    private static int diverging(float v) {
        double t = Math.max(-1, Math.min(1, v / 2.0));
        int fade = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
    }

    private static int byteOf(float v, float min, float range) {
        int b = Math.round((v - min) / range * 255f);
        return b < 0 ? 0 : Math.min(255, b);
    }

    private static int lighten(int rgb) {
        int r = ((rgb >> 16) & 0xff) / 2 + 128;
        int g = ((rgb >> 8) & 0xff) / 2 + 128;
        int b = (rgb & 0xff) / 2 + 128;
        return (r << 16) | (g << 8) | b;
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelFont.fill(img, 0, 0, w, h, BACKGROUND);
        return img;
    }
}
