package org.guidancelab.engine.imported;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.guidancelab.arch.ImportedGuide;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a guide file can be wrong gives a message naming the file (and the layer at fault), no stack trace. */
class BadGuideFileTest {
    private static final List<Integer> DATA = List.of(1, 12, 12);

    private static String failure(Path file, List<String> taps) {
        NetworkSpec spec = NetworkSpec.imported("g", new ImportedGuide(file.toString(), taps, null));
        GuideImportException e = assertThrows(GuideImportException.class, () -> ImportedModel.open(spec, DATA));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), "names the file first: " + m);
        assertTrue(!m.contains("\n\tat ") && !m.contains("Exception"), "a sentence, not a stack trace: " + m);
        return m;
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' in: " + message);
        }
    }

    @Test
    void missingFile(@TempDir Path dir) {
        contains(failure(dir.resolve("nope.h5"), List.of("conv1")), "no such file");
    }

    @Test
    void notAModel() {
        contains(failure(GuideFixtures.file("not-a-model.h5"), List.of("conv1")), "not a model file", "Keras 2 .h5", "guide convert");
    }

    @Test
    void corruptHdf5(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("truncated.h5");
        byte[] whole = Files.readAllBytes(GuideFixtures.file("cnn-functional.h5"));
        Files.write(f, java.util.Arrays.copyOf(whole, 600));
        contains(failure(f, List.of("conv1")), "Keras h5");
    }

    @Test
    void unsupportedLayerIsNamed() {
        contains(failure(GuideFixtures.file("unsupported-layer.h5"), List.of("conv1")), "convlstm", "ConvLSTM2D");
    }

    @Test
    void inputThatDoesNotFitTheData() {
        contains(failure(GuideFixtures.file("wrong-input.h5"), List.of("conv1")), "[1, 10, 10]", "[1, 12, 12]");
    }

    @Test
    void tapThatIsNoLayer() {
        contains(failure(GuideFixtures.file("cnn-functional.h5"), List.of("conv9")), "no layer 'conv9'", "relu1");
    }

    @Test
    void zipThatIsNoModel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("photos.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("hello".getBytes());
        }
        contains(failure(f, List.of("conv1")), "not a DeepLearning4J model");
    }

    @Test
    void cnnZipWithoutAnImageSize() {
        GuideImportException e = assertThrows(GuideImportException.class, () -> GuideFiles.open(GuideFixtures.file("cnn-graph.zip"), null));
        contains(e.getMessage(), "cnn-graph.zip: ", "does not record the image size", "--input C,H,W");
        GuideImportException grey = assertThrows(GuideImportException.class,
                () -> GuideFiles.open(GuideFixtures.file("cnn-graph.zip"), List.of(3, 12, 12)));
        contains(grey.getMessage(), "first layer 'conv1' takes 1 channels but the data has 3");
    }

    @Test
    void corruptSdz(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("truncated.sdz");
        byte[] whole = Files.readAllBytes(GuideFixtures.file("onnx/cnn-functional.sdz"));
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length / 3));
        contains(failure(f, List.of("conv1")), "not a SameDiff graph the lab can read");
        Path text = dir.resolve("text.sdz");
        Files.writeString(text, "this is not a SameDiff graph\n");
        contains(failure(text, List.of("conv1")), "not a SameDiff graph the lab can read");
    }

    @Test
    void sdzTapThatIsNotThere() {
        Path f = GuideFixtures.file("onnx/cnn-functional.sdz");
        contains(failure(f, List.of("conv9")), "has no layer 'conv9'", "conv1", "logits");
    }
}
