package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FigureFilesTest {

    @Test
    void namesJoinRunFigureAndZeroPaddedStep() {
        assertEquals("deep-fcn_cka-guided_step000300.png",
                FigureFiles.name("deep-fcn", "cka-guided", OptionalInt.of(300), "png"));
        assertEquals("deep-fcn_loss.csv", FigureFiles.name("deep-fcn", "loss", OptionalInt.empty(), "csv"));
    }

    @Test
    void sanitiseLeavesOnlyPortableCharacters() {
        assertEquals("deep-FCN-ResNet-1", FigureFiles.sanitise("deep FCN / ResNet (α=1)"), "non-Latin letters are dropped");
        assertEquals("Resume-e", FigureFiles.sanitise("Résumé é"), "accents are dropped, not the letters");
        assertEquals("etc-passwd", FigureFiles.sanitise("../../etc/passwd"));
        assertEquals("untitled", FigureFiles.sanitise("///"));
        assertEquals("untitled", FigureFiles.sanitise(null));
        assertTrue(FigureFiles.sanitise("x".repeat(500)).length() <= FigureFiles.MAX_PART);
    }

    @Test
    void formatParsingNamesTheAcceptedValues() {
        assertEquals(ExportFormat.SVG, ExportFormat.parse(" SVG "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("pdf"));
        assertTrue(e.getMessage().contains("'pdf'") && e.getMessage().contains("png or svg"), e.getMessage());
    }
}
