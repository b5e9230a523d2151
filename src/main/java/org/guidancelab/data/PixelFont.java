package org.guidancelab.data;

import java.awt.image.BufferedImage;

/**
 * A 3x5 bitmap font for digits and a few symbols, drawn pixel by pixel. Used instead of AWT text so that grids
 * render identically on headless machines without installed fonts.
 */
final class PixelFont {
    static final int WIDTH = 3;
    static final int HEIGHT = 5;

    private static final String[] DIGITS = {
        "111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
        "111100111001111", "111100111101111", "111001001001001", "111101111101111", "111101111001111",
    };
    private static final String LETTER_C = "111100100100111";
    private static final String LETTER_P = "111101111100100";
    private static final String MINUS = "000000111000000";
    private static final String QUESTION = "111001011000010";

    private PixelFont() {
    }

    private static String glyph(char c) {
        if (c >= '0' && c <= '9') {
            return DIGITS[c - '0'];
        }
        switch (c) {
            case 'C':
                return LETTER_C;
            case 'P':
                return LETTER_P;
            case '-':
                return MINUS;
            case ' ':
                return "000000000000000";
            default:
                return QUESTION;
        }
    }

    /** Draws {@code text} with its top-left corner at (x, y), each font pixel a {@code scale} x {@code scale} block. */
    static void draw(BufferedImage img, String text, int x, int y, int scale, int rgb) {
        for (int i = 0; i < text.length(); i++) {
            String g = glyph(text.charAt(i));
            int gx = x + i * (WIDTH + 1) * scale;
            for (int r = 0; r < HEIGHT; r++) {
                for (int c = 0; c < WIDTH; c++) {
                    if (g.charAt(r * WIDTH + c) == '1') {
                        fill(img, gx + c * scale, y + r * scale, scale, scale, rgb);
                    }
                }
            }
        }
    }

    /** Pixel width of {@code text} at {@code scale}. */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (WIDTH + 1) - 1) * scale;
    }

    static void fill(BufferedImage img, int x, int y, int w, int h, int rgb) {
        for (int yy = Math.max(0, y); yy < Math.min(img.getHeight(), y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(img.getWidth(), x + w); xx++) {
                img.setRGB(xx, yy, rgb);
            }
        }
    }
}
