package org.guidancelab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.DatasetShapes;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.ui.model.Arms;
import org.guidancelab.ui.model.Command;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.FieldHelp;
import org.guidancelab.ui.model.SettingsEdits;

/** The experiment settings: data, shared hyper-parameters and which arms run side by side. */
final class SettingsPanel extends VBox {
    private final BuilderContext ctx;
    private final PropertySheet data = sheet();
    private final PropertySheet training = sheet();
    private final PropertySheet arms = sheet();
    private final Label error = new Label();

    SettingsPanel(BuilderContext ctx) {
        this.ctx = ctx;
        setId("settings-panel");
        setSpacing(4);
        Label title = new Label("Experiment");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        error.setId("settings-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        getChildren().addAll(title, section("Data"), data, section("Training"), training, section("Arms"), arms, error);
        ctx.document().specProperty().addListener((o, a, b) -> {
            error.setText("");
            rebuild();
        });
        rebuild();
    }

    /** Three sheets in declaration order (a categorised sheet would sort them and fold all but one). */
    private static PropertySheet sheet() {
        PropertySheet s = new PropertySheet();
        s.setModeSwitcherVisible(false);
        s.setSearchBoxVisible(false);
        s.setMode(PropertySheet.Mode.NAME);
        s.setPropertyEditorFactory(SheetEditors::create);
        return s;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.HINT_TEXT);
        return l;
    }

    private ExperimentSpec spec() {
        return ctx.document().getSpec();
    }

    private void rebuild() {
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(new SheetItem("set-dataset", "dataset", "Data", FieldHelp.of("dataset"), SheetItem.Editor.CHOICE,
                datasetChoices(), () -> spec().dataset().name(), v -> run(SettingsEdits.datasetName(spec(), v)), error::setText));
        items.add(text("datasetParams", "Data", () -> SettingsEdits.formatParams(spec().dataset()),
                v -> SettingsEdits.datasetParams(spec(), v)));
        items.add(training("alpha", TrainingSpec::alpha));
        items.add(new SheetItem("set-optimizer", "optimizer", "Training", FieldHelp.of("optimizer"), SheetItem.Editor.CHOICE,
                List.of(OptimizerKind.values()), () -> spec().training().optimizer(),
                v -> run(SettingsEdits.training(spec(), "optimizer", v)), error::setText));
        items.add(training("learningRate", TrainingSpec::learningRate));
        items.add(training("batchSize", TrainingSpec::batchSize));
        items.add(training("steps", TrainingSpec::steps));
        items.add(training("seed", TrainingSpec::seed));
        items.add(training("evalInterval", TrainingSpec::evalInterval));
        for (ArmKind k : ArmKind.values()) {
            items.add(new SheetItem("arm-" + k.jsonName(), Arms.defaultName(k), "Arms", k.explanation(), SheetItem.Editor.BOOL,
                    null, () -> Arms.includes(spec().arms(), k),
                    v -> run(Edits.setArms(spec(), Arms.include(spec().arms(), k, (Boolean) v, 300),
                            ((Boolean) v ? "Add arm " : "Remove arm ") + Arms.defaultName(k))), error::setText));
        }
        items.add(text("warmup", "Arms", () -> Arms.warmup(spec().arms()),
                v -> Edits.setArms(spec(), Arms.withWarmup(spec().arms(), (int) whole("warmup", v)), "Set warmup")));
        items.add(new SheetItem("set-noiseGuide", "noiseGuide", "Arms", FieldHelp.of("noiseGuide"), SheetItem.Editor.BOOL,
                null, () -> Arms.noiseGuide(spec().arms()),
                v -> run(Edits.setArms(spec(), Arms.withNoiseGuide(spec().arms(), (Boolean) v), "Set noise guide")), error::setText));
        items.add(text("guideTrainSteps", "Arms", () -> Arms.guideTrainSteps(spec().arms()),
                v -> Edits.setArms(spec(), Arms.withGuideTrainSteps(spec().arms(), (int) whole("guideTrainSteps", v)), "Set guide training")));
        data.getItems().setAll(items.subList(0, 2));
        training.getItems().setAll(items.subList(2, 9));
        arms.getItems().setAll(items.subList(9, items.size()));
    }

    private List<String> datasetChoices() {
        List<String> names = new ArrayList<>(DatasetShapes.NAMES);
        if (!names.contains(spec().dataset().name())) {
            names.add(0, spec().dataset().name());
        }
        return names;
    }

    private static long whole(String field, Object v) {
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number (got \"" + v + "\")");
        }
    }

    private SheetItem training(String field, Function<TrainingSpec, Object> get) {
        return text(field, "Training", () -> get.apply(spec().training()), v -> SettingsEdits.training(spec(), field, v));
    }

    private SheetItem text(String field, String category, Supplier<Object> get,
                           Function<Object, java.util.Optional<Command>> edit) {
        Consumer<Object> set = v -> run(edit.apply(v));
        return new SheetItem("set-" + field, field, category, FieldHelp.of(field), SheetItem.Editor.TEXT, null,
                () -> String.valueOf(get.get()), set, error::setText);
    }

    private void run(java.util.Optional<Command> c) {
        ctx.document().execute(c);
    }
}
