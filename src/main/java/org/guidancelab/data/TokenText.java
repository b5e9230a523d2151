package org.guidancelab.data;

/**
 * Readable text for token examples: {@code "4 7 1 COPY 4 7 1 PAD PAD  ->  . . . 4 7 1 . . ."} (labels after the
 * arrow, {@code .} for positions without loss) or {@code "1 0 1 1 PAD PAD  ->  1"} for one label per example.
 */
public final class TokenText {
    private TokenText() {
    }

    /** Display names for the task's tokens: the copy and parity special tokens by name, others as numbers. */
    public static String[] tokenNames(TaskData data) {
        String[] names = new String[Math.max(data.vocabSize(), 0)];
        for (int i = 0; i < names.length; i++) {
            names[i] = Integer.toString(i);
        }
        if (data.name().startsWith("copy") && names.length == CopyTask.VOCAB) {
            names[CopyTask.COPY] = "COPY";
            names[CopyTask.PAD] = "PAD";
        } else if (data.name().startsWith("parity") && names.length == ParityTask.VOCAB) {
            names[ParityTask.PAD] = "PAD";
        }
        return names;
    }

    /** Example {@code index} of {@code split} as one line. */
    public static String render(TaskData data, Split split, int index) {
        String[] names = tokenNames(data);
        int t = data.inputSize();
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < t; p++) {
            int tok = (int) split.x()[index * t + p];
            sb.append(p == 0 ? "" : " ").append(tok >= 0 && tok < names.length ? names[tok] : "?" + tok);
        }
        sb.append("  ->  ");
        int l = data.labelsPerExample();
        for (int p = 0; p < l; p++) {
            int y = split.y()[index * l + p];
            sb.append(p == 0 ? "" : " ").append(y < 0 ? "." : Integer.toString(y));
        }
        return sb.toString();
    }
}
