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
    private final PropertySheet sheet = new PropertySheet();
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
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setPropertyEditorFactory(SheetEditors::create);
        getChildren().addAll(title, sheet, error);
        ctx.document().specProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private ExperimentSpec spec() {
        return ctx.document().getSpec();
    }

    private void rebuild() {
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(text("dataset", "Data", () -> spec().dataset().name(), v -> SettingsEdits.datasetName(spec(), v)));
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
        sheet.getItems().setAll(items);
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
