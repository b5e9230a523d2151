package org.guidancelab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guidancelab.arch.Layers.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkJsonTest {

    /** A network file whose second layer is the given JSON, on line 5. */
    private static String withLayer(String layer) {
        return String.join("\n",
                "{",
                "  \"schemaVersion\": 1,",
                "  \"name\": \"n\",",
                "  \"layers\": [ {\"type\": \"Input\", \"name\": \"in\", \"shape\": [4]},",
                "    " + layer + ",",
                "    {\"type\": \"Output\", \"name\": \"out\", \"classes\": 2}",
                "  ]",
                "}");
    }

    private static JsonSpecException failure(String json) {
        return assertThrows(JsonSpecException.class, () -> NetworkJson.parse(json, "net.json"));
    }

    @Test
    void everyLayerTypeRoundTripsWithNonDefaultValues() throws Exception {
        NetworkSpec net = new NetworkSpec("all", List.of(
                new Input("in", InputKind.TOKENS, List.of(8), 5),
                new Embedding("emb", 5, 8, true),
                new PositionalEmbedding("pos", 16, true),
                new TransformerBlock("t", 8, 2, 20, true, 0.1, false),
                new SimpleRNN("rnn", 6, false),
                new LSTM("lstm", 6, true),
                new LayerNorm("ln", 1e-6, true),
                new Dropout("drop", 0.25, true),
                new Activation("act", ActivationFn.GELU, true),
                new SequencePool("pool", PoolMode.MEAN, false),
                new Dense("d", 16, ActivationFn.SIGMOID, false, false),
                new Reshape("r", List.of(1, 4, 4), true),
                new Conv2D("c", 3, 2, 2, 1, ActivationFn.TANH, false),
                new MaxPool2D("mp", 2, 1, true),
                new AvgPool2D("ap", 1, 1, true),
                new BatchNorm("bn", 0.2, 1e-3, true),
                new Residual("res", List.of(new Conv2D("rc", 3, 1, 1, 0, ActivationFn.RELU, true), BatchNorm.of("rbn")),
                        Skip.PROJECTION, ActivationFn.RELU, false),
                new GlobalAvgPool("gap", false),
                new Flatten("flat", true),
                new Output("out", 3, true)));
        String json = NetworkJson.write(net);
        assertEquals(net, NetworkJson.parse(json, "written"));
        assertTrue(json.startsWith("{\n  \"schemaVersion\": 1,\n"), json);
        assertEquals(LayerType.values().length, net.layers().stream().map(LayerType::of).distinct().count()
                + 0, "the round trip covers every layer type");
    }

    @Test
    void omittedFieldsTakeTheDefaults() throws Exception {
        NetworkSpec net = NetworkJson.parse(String.join("\n", "{\"schemaVersion\": 1, \"name\": \"d\", \"layers\": [",
                "{\"type\": \"Input\", \"name\": \"in\", \"shape\": [1, 8, 8]},",
                "{\"type\": \"Conv2D\", \"name\": \"c\", \"filters\": 4, \"kernel\": 3},",
                "{\"type\": \"MaxPool2D\", \"name\": \"p\", \"size\": 2},",
                "{\"type\": \"Flatten\", \"name\": \"f\"},",
                "{\"type\": \"Dense\", \"name\": \"d\", \"units\": 5},",
                "{\"type\": \"BatchNorm\", \"name\": \"bn\"},",
                "{\"type\": \"Output\", \"name\": \"out\", \"classes\": 2}]}"), "defaults.json");
        assertEquals(new Conv2D("c", 4, 3, 1, 0, ActivationFn.IDENTITY, true), net.layer(1));
        assertEquals(new MaxPool2D("p", 2, 2, false), net.layer(2));
        assertEquals(new Flatten("f", false), net.layer(3));
        assertEquals(new Dense("d", 5, ActivationFn.IDENTITY, true, true), net.layer(4));
        assertEquals(new BatchNorm("bn", 0.1, 1e-5, false), net.layer(5));
        assertEquals(List.of("c", "d"), net.tapNames());
    }

    @Test
    void writingLeavesDefaultsOut() {
        String json = NetworkJson.write(new NetworkSpec("n", List.of(Input.real("in", 4), Dense.of("fc1", 8, ActivationFn.RELU),
                new Output("out", 2, false))));
        assertEquals(String.join("\n", "{",
                "  \"schemaVersion\": 1,",
                "  \"name\": \"n\",",
                "  \"layers\": [",
                "    {\"type\": \"Input\", \"name\": \"in\", \"shape\": [4]},",
                "    {\"type\": \"Dense\", \"name\": \"fc1\", \"units\": 8, \"activation\": \"relu\"},",
                "    {\"type\": \"Output\", \"name\": \"out\", \"classes\": 2}",
                "  ]",
                "}", ""), json, "one line per layer");
        assertFalse(json.contains("bias"), json);
        assertFalse(json.contains("tap"), json);
        assertTrue(json.contains("\"activation\": \"relu\""), json);
    }

    @Test
    void residualBlocksNestAndTextIsEscaped() throws Exception {
        NetworkSpec net = new NetworkSpec("quote \" and \\ and é", List.of(Input.real("in", 2, 4, 4),
                new Residual("res", List.of(Conv2D.same("c", 2, 3, ActivationFn.RELU), BatchNorm.of("bn")), Skip.IDENTITY, null, true),
                new GlobalAvgPool("gap", true), new Output("out", 2, false)));
        String json = NetworkJson.write(net);
        assertTrue(json.contains("    {\"type\": \"Residual\", \"name\": \"res\", \"block\": [\n"
                + "      {\"type\": \"Conv2D\", \"name\": \"c\", \"filters\": 2, \"kernel\": 3, \"padding\": 1, \"activation\": \"relu\", \"tap\": true},\n"), json);
        assertEquals(net, NetworkJson.parse(json, "escaped"));
    }

    @Test
    void truncatedJson() {
        String json = withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": 3}");
        JsonSpecException e = failure(json.substring(0, json.indexOf("\"classes\"")));
        assertTrue(e.problem().contains("ends in the middle of the JSON"), e.getMessage());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("net.json:6: "), e.getMessage());
    }

    @Test
    void unknownLayerTypeListsTheKnownOnes() {
        JsonSpecException e = failure(withLayer("{\"type\": \"Dense2\", \"name\": \"d\", \"units\": 3}"));
        assertEquals(5, e.line());
        assertEquals("$.layers[1].type", e.jsonPath());
        assertTrue(e.problem().startsWith("unknown layer type \"Dense2\" (did you mean \"Dense\"?); known types: Input, Dense, Conv2D"),
                e.problem());
        assertTrue(e.problem().contains("TransformerBlock"), e.problem());
    }

    @Test
    void wrongFieldType() {
        JsonSpecException e = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": \"ten\"}"));
        assertEquals("net.json:5 at $.layers[1].units: units: expected a whole number, got \"ten\"", e.getMessage());
        JsonSpecException b = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": 3, \"bias\": 1}"));
        assertEquals("bias: expected true or false, got 1", b.problem());
        JsonSpecException s = failure(withLayer("{\"type\": \"Reshape\", \"name\": \"r\", \"shape\": 4}"));
        assertTrue(s.problem().startsWith("shape: expected a list of whole numbers"), s.problem());
    }

    @Test
    void negativeSizes() {
        JsonSpecException e = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": -3}"));
        assertEquals("units must be at least 1, got -3", e.problem());
        assertEquals(5, e.line());
        JsonSpecException p = failure(withLayer("{\"type\": \"Reshape\", \"name\": \"r\", \"shape\": [2, -2]}"));
        assertEquals("$.layers[1].shape[1]", p.jsonPath());
    }

    @Test
    void unknownFieldSuggestsTheClosestName() {
        JsonSpecException e = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": 3, \"activaton\": \"relu\"}"));
        assertEquals("$.layers[1].activaton", e.jsonPath());
        assertTrue(e.problem().startsWith("unknown field \"activaton\" in a Dense layer: did you mean \"activation\"?"), e.problem());
        JsonSpecException missing = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"unit\": 3}"));
        assertEquals("missing field \"units\": a Dense layer needs it (is \"unit\" a misspelling of it?)", missing.problem());
        assertEquals(5, missing.line());
    }

    @Test
    void badEnumValuesListTheAllowedOnes() {
        JsonSpecException e = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": 3, \"activation\": \"relux\"}"));
        assertEquals("activation: unknown value \"relux\"; expected one of identity, relu, tanh, gelu, sigmoid", e.problem());
    }

    @Test
    void schemaVersions() {
        JsonSpecException newer = failure("{\n  \"schemaVersion\": 7,\n  \"name\": \"n\", \"layers\": []}");
        assertEquals("written by a newer Guidance Lab (schema 7); this version reads schema 1", newer.problem());
        assertEquals(2, newer.line());
        JsonSpecException missing = failure("{\"name\": \"n\", \"layers\": []}");
        assertTrue(missing.problem().startsWith("missing field \"schemaVersion\""), missing.problem());
    }

    @Test
    void duplicateFieldsAndTrailingContent() {
        JsonSpecException dup = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": 3, \"units\": 4}"));
        assertTrue(dup.problem().contains("appears twice"), dup.problem());
        JsonSpecException trailing = failure(withLayer("{\"type\": \"Dense\", \"name\": \"d\", \"units\": 3}") + "\n}");
        assertEquals(9, trailing.line());
        JsonSpecException empty = failure("  ");
        assertTrue(empty.problem().contains("empty"), empty.problem());
    }

    @Test
    void readsFilesWithTheirPathAsLabel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, withLayer("{\"type\": \"Conv2D\", \"name\": \"c\", \"filters\": 2}"));
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> NetworkJson.read(f));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().startsWith(f + ":5 at $.layers[1]: missing field \"kernel\""), e.getMessage());
    }
}
