package org.guidancelab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guidancelab.experiment.SpecFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad sweep files are refused before anything trains, each problem with the file, the line and JSON path of the value
 * at fault and, when it is a cell's, the cell. The body of each sweep starts on line 5 of its file.
 */
class SweepValidationTest {
    @TempDir
    Path dir;

    private SweepException planProblems(String body) throws IOException, SpecFormatException {
        Path f = SweepFixtures.writeSweep(dir, "s.json", 40, body);
        return assertThrows(SweepException.class, () -> SweepFixtures.plan(f));
    }

    private SpecFormatException fileProblem(String body) throws IOException {
        Path f = SweepFixtures.writeSweep(dir, "s.json", 40, body);
        return assertThrows(SpecFormatException.class, () -> SweepFixtures.read(f));
    }

    private static SweepProblem only(SweepException e) {
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    // ---- paths ---------------------------------------------------------------------------------------------------

    @Test
    void aMisspelledTrainingSettingIsRefusedWithItsLineAndTheRightName() throws IOException {
        SpecFormatException e = fileProblem("  \"axes\": [\n    {\"path\": \"training.alpah\", \"values\": [1, 2]}\n  ]");
        assertEquals(6, e.line(), e.getMessage());
        assertEquals("$.axes[0].path", e.jsonPath());
        assertTrue(e.problem().contains("no setting 'training.alpah'") && e.problem().contains("did you mean training.alpha"),
                e.problem());
        assertTrue(e.getMessage().startsWith(dir.resolve("s.json") + ":6 at $.axes[0].path: "), e.getMessage());
    }

    @Test
    void aPathOutsideTheExperimentSaysWhatPathsLookLike() throws IOException {
        SpecFormatException e = fileProblem("  \"axes\": [{\"path\": \"optimizer.lr\", \"values\": [1, 2]}]");
        assertTrue(e.problem().contains("a path is training.FIELD, seed, pairing, arms[NAME].FIELD"), e.problem());
    }

    @Test
    void anArmTheBaseDoesNotHaveIsNamedWithTheArmsItHas() throws Exception {
        SweepProblem p = only(planProblems("  \"axes\": [\n    {\"path\": \"arms[guidd].warmup\", \"values\": [0, 10]}\n  ]"));
        assertEquals(6, p.line());
        assertEquals("$.axes[0].path", p.jsonPath());
        assertTrue(p.message().contains("no arm called 'guidd' (did you mean 'guided'?); the arms are baseline, guided"),
                p.message());
    }

    @Test
    void aWarmupOnABaselineArmIsRefused() throws Exception {
        SweepProblem p = only(planProblems("  \"axes\": [{\"path\": \"arms[baseline].warmup\", \"values\": [0, 10]}]"));
        assertTrue(p.message().contains("arm 'baseline' is a baseline arm; a warmup applies to guided arms"), p.message());
    }

    @Test
    void aLayerFieldTheLayerDoesNotHaveListsItsFields() throws Exception {
        SweepProblem p = only(planProblems("  \"axes\": [{\"path\": \"target.layers[t1].unitz\", \"values\": [8, 32]}]"));
        assertTrue(p.message().contains("layer 't1' is a Dense layer (did you mean .units?); its settable fields are "
                + "units, activation, bias, tap"), p.message());
        SweepProblem q = only(planProblems("  \"axes\": [{\"path\": \"guide.layers[g9].units\", \"values\": [8, 32]}]"));
        assertTrue(q.message().contains("the guide has no layer 'g9'"), q.message());
    }

    // ---- values --------------------------------------------------------------------------------------------------

    @Test
    void aValueOfTheWrongTypeIsNamedAtItsLine() throws Exception {
        SweepProblem p = only(planProblems("  \"axes\": [{\n    \"path\": \"training.alpha\",\n    \"values\": [\n"
                + "      1,\n      \"high\"\n    ]\n  }]"));
        assertEquals(9, p.line(), p.describe());
        assertEquals("$.axes[0].values[1]", p.jsonPath());
        assertEquals("training.alpha expects a number, at least 0, got \"high\"", p.message());
        assertTrue(p.describe().startsWith(dir.resolve("s.json") + ":9 at $.axes[0].values[1]: "), p.describe());
    }

    @Test
    void valuesOutOfTheSettingsRangeAreRefused() throws Exception {
        SweepProblem p = only(planProblems("  \"axes\": [{\"path\": \"target.layers[t1].units\", \"values\": [16, 0]}]"));
        assertEquals("target.layers[t1].units expects a whole number, at least 1, got 0", p.message());
        SweepProblem q = only(planProblems("  \"axes\": [{\"path\": \"training.batchSize\", \"values\": [32, 12.5]}]"));
        assertTrue(q.message().contains("expects a whole number, at least 2, got 12.5"), q.message());
        SweepProblem r = only(planProblems("  \"axes\": [{\"path\": \"training.optimizer\", \"values\": [\"adam\", \"adma\"]}]"));
        assertTrue(r.message().contains("unknown value \"adma\"; expected one of adam, adamw, sgd"), r.message());
    }

    @Test
    void aValueThatMakesTheExperimentInvalidNamesTheCell() throws Exception {
        SweepException e = planProblems("  \"axes\": [{\"path\": \"arms[guided].guidanceSteps\",\n"
                + "    \"values\": [10, 500]}],\n  \"seeds\": 2");
        SweepProblem p = only(e);
        assertEquals(6, p.line());
        assertEquals("$.axes[0].values[1]", p.jsonPath());
        assertEquals("guidanceSteps=500,seed=1", p.cell());
        assertTrue(p.message().contains("arm 'guided' guides for the first 500 steps but the run has only 40"), p.message());
        assertTrue(p.describe().contains(":6 at $.axes[0].values[1] (cell guidanceSteps=500,seed=1): "), p.describe());
        assertTrue(p.message().endsWith("(also in 1 other cell: guidanceSteps=500,seed=2)"), p.message());
    }

    @Test
    void aWarmupLongerThanTheRunNamesTheCell() throws Exception {
        SweepException e = planProblems("  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 20, 41]}]");
        SweepProblem p = only(e);
        assertEquals("warmup=41,seed=1", p.cell());
        assertTrue(p.message().contains("a warmup of 41 steps is longer than the run (40 steps)"), p.message());
    }

    @Test
    void aCombinationThatMakesTheExperimentInvalidNamesTheCellAndTheAxes() throws Exception {
        SweepException e = planProblems("  \"axes\": [\n    {\"path\": \"training.steps\", \"values\": [20, 40]},\n"
                + "    {\"path\": \"arms[guided].guidanceSteps\", \"values\": [30]}\n  ]");
        SweepProblem p = only(e);
        assertEquals("steps=20,guidanceSteps=30,seed=1", p.cell());
        assertEquals("$.axes", p.jsonPath());
        assertEquals(5, p.line());
        assertTrue(p.message().startsWith("this combination of values makes the experiment invalid: arms[1].guidanceSteps: "),
                p.message());
    }

    // ---- ranges --------------------------------------------------------------------------------------------------

    @Test
    void badRangesAreRefused() throws IOException {
        SpecFormatException log = fileProblem("  \"axes\": [{\"path\": \"training.alpha\",\n"
                + "    \"range\": {\"from\": 0, \"to\": 10, \"count\": 5, \"scale\": \"log\"}}]");
        assertEquals(6, log.line());
        assertEquals("$.axes[0].range.from", log.jsonPath());
        assertTrue(log.problem().contains("a log range needs both ends above 0"), log.problem());
        SpecFormatException one = fileProblem("  \"axes\": [{\"path\": \"training.alpha\", \"range\": {\"from\": 1, \"to\": 2, \"count\": 1}}]");
        assertTrue(one.problem().contains("count must be at least 2, got 1"), one.problem());
        SpecFormatException same = fileProblem("  \"axes\": [{\"path\": \"training.alpha\", \"range\": {\"from\": 1, \"to\": 1, \"count\": 3}}]");
        assertTrue(same.problem().contains("the range runs from 1 to the same value"), same.problem());
        SpecFormatException scale = fileProblem("  \"axes\": [{\"path\": \"training.alpha\", \"range\": {\"from\": 1, \"to\": 2, \"count\": 3, \"scale\": \"exp\"}}]");
        assertTrue(scale.problem().contains("unknown \"exp\"; expected linear or log"), scale.problem());
        SpecFormatException both = fileProblem("  \"axes\": [{\"path\": \"training.alpha\", \"values\": [1], \"range\": {\"from\": 1, \"to\": 2, \"count\": 3}}]");
        assertTrue(both.problem().contains("either \"values\" (a list) or \"range\""), both.problem());
    }

    @Test
    void aRangeOfWholeNumbersThatRepeatsOnceRoundedOrOnAChoiceIsRefused() throws Exception {
        SweepProblem p = only(planProblems("  \"axes\": [{\"path\": \"target.layers[t1].units\", "
                + "\"range\": {\"from\": 1, \"to\": 3, \"count\": 5}}]"));
        assertEquals("$.axes[0].range", p.jsonPath());
        assertTrue(p.message().contains("twice once rounded to whole numbers"), p.message());
        SweepProblem q = only(planProblems("  \"axes\": [{\"path\": \"training.optimizer\", "
                + "\"range\": {\"from\": 1, \"to\": 3, \"count\": 3}}]"));
        assertTrue(q.message().contains("a range needs a numeric setting"), q.message());
    }

    // ---- the file ------------------------------------------------------------------------------------------------

    @Test
    void theFileItselfIsCheckedLikeAnExperimentFile() throws IOException {
        SpecFormatException typo = fileProblem("  \"axis\": [{\"path\": \"training.alpha\", \"values\": [1, 2]}]");
        assertTrue(typo.problem().contains("missing field \"axes\"") && typo.problem().contains("\"axis\""), typo.problem());
        SpecFormatException seeds = fileProblem("  \"axes\": [{\"path\": \"training.alpha\", \"values\": [1, 2]}],\n  \"seeds\": [1, 1]");
        assertEquals(6, seeds.line());
        assertTrue(seeds.problem().contains("seed 1 appears twice"), seeds.problem());
        SpecFormatException name = fileProblem("  \"axes\": [{\"name\": \"seed\", \"path\": \"training.alpha\", \"values\": [1, 2]}]");
        assertTrue(name.problem().contains("seeds are an axis of their own"), name.problem());
        SpecFormatException twice = fileProblem("  \"axes\": [{\"path\": \"training.alpha\", \"values\": [1]},\n"
                + "    {\"path\": \"training.alpha\", \"name\": \"a2\", \"values\": [2]}]");
        assertEquals(6, twice.line());
        assertTrue(twice.problem().contains("two axes vary training.alpha"), twice.problem());
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"schemaVersion\": 9, \"base\": {\"preset\": \"teaching-demo\"}, \"axes\": []}");
        SpecFormatException v = assertThrows(SpecFormatException.class, () -> SweepJson.read(newer));
        assertTrue(v.problem().contains("written by a newer Guidance Lab (schema 9)"), v.problem());
    }

    @Test
    void aBaseThatCannotBeFoundIsNamed() throws Exception {
        Path f = dir.resolve("nobase.json");
        Files.writeString(f, "{\"schemaVersion\": 1,\n \"base\": {\"file\": \"missing.json\"},\n"
                + " \"axes\": [{\"path\": \"training.alpha\", \"values\": [1, 2]}]}");
        SweepException e = assertThrows(SweepException.class, () -> SweepFixtures.plan(f));
        SweepProblem p = only(e);
        assertEquals(2, p.line());
        assertEquals("$.base.file", p.jsonPath());
        assertTrue(p.message().startsWith("no such file: "), p.message());
        Files.writeString(f, "{\"schemaVersion\": 1,\n \"base\": {\"preset\": \"teaching-dem\"},\n"
                + " \"axes\": [{\"path\": \"training.alpha\", \"values\": [1, 2]}]}");
        SweepProblem q = only(assertThrows(SweepException.class, () -> SweepFixtures.plan(f)));
        assertTrue(q.message().contains("no preset 'teaching-dem'; the presets are ") && q.message().contains("teaching-demo"),
                q.message());
        Files.writeString(f, "{\"schemaVersion\": 1,\n \"base\": {\"preset\": \"teaching-demo\", \"arms\": [\"guided\", \"warm\"]},\n"
                + " \"axes\": [{\"path\": \"training.alpha\", \"values\": [1, 2]}]}");
        SweepProblem r = only(assertThrows(SweepException.class, () -> SweepFixtures.plan(f)));
        assertEquals("$.base.arms[1]", r.jsonPath());
        assertTrue(r.message().contains("no arm 'warm'; its arms are baseline, guided"), r.message());
    }

    @Test
    void anInlineBaseIsLocatedInTheSweepFile() throws Exception {
        String exp = org.guidancelab.experiment.ExperimentJson.write(SweepFixtures.tiny(40))
                .replace("\"alpha\": 1.0", "\"alpha\": -1.0");
        Path f = dir.resolve("inline.json");
        Files.writeString(f, "{\"schemaVersion\": 1,\n \"base\": {\"experiment\": " + exp + "},\n"
                + " \"axes\": [{\"path\": \"training.learningRate\", \"values\": [0.01, 0.1]}]}");
        SweepException e = assertThrows(SweepException.class, () -> SweepFixtures.plan(f));
        SweepProblem p = only(e);
        assertEquals("$.base.experiment.training.alpha", p.jsonPath());
        assertTrue(p.line() > 2, p.describe());
        assertTrue(List.of(Files.readString(f).split("\n")).get(p.line() - 1).contains("\"alpha\": -1.0"), p.describe());
    }
}
