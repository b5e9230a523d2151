package org.guidancelab.data;

/**
 * Draws anti-aliased line segments onto a float plane: a pixel's coverage is {@code clamp(w/2 + 0.5 - d, 0, 1)}
 * where {@code d} is the distance from the pixel centre to the nearest segment, and overlapping strokes keep the
 * maximum (so crossings do not get brighter). Pure arithmetic, hence identical on every machine.
 */
final class StrokeRasterizer {
    private final int width;
    private final int height;

    StrokeRasterizer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Draws the segment (x0,y0)-(x1,y1) in pixel coordinates into {@code plane} with the given intensity. */
    void segment(float[] plane, double x0, double y0, double x1, double y1, double strokeWidth, double intensity) {
        double half = strokeWidth / 2 + 0.5;
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, x1) - half));
        int maxX = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + half));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, y1) - half));
        int maxY = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + half));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        for (int py = minY; py <= maxY; py++) {
            double cy = py + 0.5;
            for (int px = minX; px <= maxX; px++) {
                double cx = px + 0.5;
                double t = len2 == 0 ? 0 : ((cx - x0) * dx + (cy - y0) * dy) / len2;
                t = t < 0 ? 0 : (t > 1 ? 1 : t);
                double ex = cx - (x0 + t * dx);
                double ey = cy - (y0 + t * dy);
                double d = Math.sqrt(ex * ex + ey * ey);
                double cover = half - d;
                if (cover <= 0) {
                    continue;
                }
                float v = (float) (Math.min(1.0, cover) * intensity);
                int idx = py * width + px;
                if (v > plane[idx]) {
                    plane[idx] = v;
                }
            }
        }
    }
}
