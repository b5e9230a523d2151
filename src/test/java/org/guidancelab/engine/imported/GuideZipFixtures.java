package org.guidancelab.engine.imported;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes the DL4J zip fixtures from the Keras ones (run by scripts/guide-fixtures.sh after the Python script): the
 * functional network as a ComputationGraph zip, the Sequential one as a MultiLayerNetwork zip, so both kinds load.
 */
public final class GuideZipFixtures {
    private GuideZipFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/guides");
        Dl4jNetwork functional = (Dl4jNetwork) GuideFiles.open(dir.resolve("cnn-functional.h5"), null);
        ModelSerializer.writeModel(functional.graph(), new File(dir.resolve("cnn-graph.zip").toString()), false);
        ModelSerializer.writeModel(KerasModelImport.importKerasSequentialModelAndWeights(
                dir.resolve("cnn-sequential.h5").toString(), false), new File(dir.resolve("cnn-multilayer.zip").toString()), false);
        System.out.println("wrote " + List.of("cnn-graph.zip", "cnn-multilayer.zip") + " in " + dir);
    }
}
