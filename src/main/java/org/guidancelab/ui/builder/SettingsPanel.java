package org.guidancelab.ui.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.DatasetShapes;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.ui.model.Arms;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.FieldEdit;
import org.guidancelab.ui.model.FieldHelp;
import org.guidancelab.ui.model.FieldKey;
import org.guidancelab.ui.model.Problem;
import org.guidancelab.ui.model.SettingsEdits;

/**
 * The experiment settings: data, shared hyper-parameters and which arms run side by side. A refused value keeps
 * its field marked, and the reasons for every setting show under the sheets, until it is fixed or reverted.
 */
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
        ctx.document().specProperty().addListener((o, a, b) -> rebuild());
        ctx.document().problems().addListener((ListChangeListener<Problem>) c -> showReasons());
        rebuild();
        showReasons();
    }

    /** The problems naming a setting, as the document has them. */
    private void showReasons() {
        error.setText(ctx.document().problems().stream().filter(p -> p.field() != null && !p.field().isLayerField())
                .map(Problem::message).collect(Collectors.joining("\n")));
    }

    /** Three sheets in declaration order (a categorised sheet would sort them and fold all but one). */
    private static PropertySheet sheet() {
        PropertySheet s = new PropertySheet() {
            /**
             * The sheet's skin lets a name shrink to 100 px ("guided-untrai..."); names are short, so each keeps its
             * whole width and the editor beside it takes what is left.
             */
            @Override
            protected void layoutChildren() {
                for (javafx.scene.Node n : lookupAll(".label")) {
                    if (n.getClass() == Label.class && ((Label) n).getMinWidth() != javafx.scene.layout.Region.USE_PREF_SIZE) {
                        ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    }
                }
                super.layoutChildren();
            }
        };
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
        items.add(item("set-dataset", "dataset", FieldKey.DATA, FieldHelp.of("dataset"), SheetItem.Editor.CHOICE,
                datasetChoices(), () -> spec().dataset().name(), SettingsEdits::datasetName));
        items.add(text("datasetParams", FieldKey.DATA, () -> SettingsEdits.formatParams(spec().dataset()),
                SettingsEdits::datasetParams));
        items.add(training("alpha", TrainingSpec::alpha));
        items.add(item("set-optimizer", "optimizer", FieldKey.TRAINING, FieldHelp.of("optimizer"), SheetItem.Editor.CHOICE,
                List.of(OptimizerKind.values()), () -> spec().training().optimizer(),
                (s, v) -> SettingsEdits.training(s, "optimizer", v)));
        items.add(training("learningRate", TrainingSpec::learningRate));
        items.add(training("batchSize", TrainingSpec::batchSize));
        items.add(training("steps", TrainingSpec::steps));
        items.add(training("seed", TrainingSpec::seed));
        items.add(training("evalInterval", TrainingSpec::evalInterval));
        for (ArmKind k : ArmKind.values()) {
            items.add(item("arm-" + k.jsonName(), Arms.defaultName(k), FieldKey.ARMS, k.explanation(), SheetItem.Editor.BOOL,
                    null, () -> Arms.includes(spec().arms(), k),
                    (s, v) -> Edits.setArms(s, Arms.include(s.arms(), k, (Boolean) v, 300),
                            ((Boolean) v ? "Add arm " : "Remove arm ") + Arms.defaultName(k))));
        }
        items.add(text("warmup", FieldKey.ARMS, () -> Arms.warmup(spec().arms()),
                (s, v) -> Edits.setArms(s, Arms.withWarmup(s.arms(), whole("warmup", v)), "Set warmup")));
        items.add(item("set-noiseGuide", "noiseGuide", FieldKey.ARMS, FieldHelp.of("noiseGuide"), SheetItem.Editor.BOOL,
                null, () -> Arms.noiseGuide(spec().arms()),
                (s, v) -> Edits.setArms(s, Arms.withNoiseGuide(s.arms(), (Boolean) v), "Set noise guide")));
        items.add(text("guideTrainSteps", FieldKey.ARMS, () -> Arms.guideTrainSteps(spec().arms()),
                (s, v) -> Edits.setArms(s, Arms.withGuideTrainSteps(s.arms(), whole("guideTrainSteps", v)), "Set guide training")));
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

    private static int whole(String field, Object v) {
        long n;
        try {
            n = Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number (got \"" + v + "\")");
        }
        if (n != (int) n) {
            throw new IllegalArgumentException(field + " is out of range (got " + n + ")");
        }
        return (int) n;
    }

    private SheetItem training(String field, Function<TrainingSpec, Object> get) {
        return text(field, FieldKey.TRAINING, () -> get.apply(spec().training()), (s, v) -> SettingsEdits.training(s, field, v));
    }

    private SheetItem text(String field, String section, Supplier<Object> get, FieldEdit edit) {
        return item("set-" + field, field, section, FieldHelp.of(field), SheetItem.Editor.TEXT, null,
                () -> String.valueOf(get.get()), edit);
    }

    /** A settings row, keyed by its section and the field its id names. */
    private SheetItem item(String id, String name, String section, String help, SheetItem.Editor editor, List<?> choices,
                           Supplier<Object> get, FieldEdit edit) {
        return new SheetItem(id, name, help, editor, choices, get, FieldKey.setting(section, idField(id)), edit, ctx.document());
    }

    /** "set-steps" -> "steps"; the arm switches keep their "arm-..." id as field name. */
    private static String idField(String id) {
        return id.startsWith("set-") ? id.substring(4) : id;
    }
}
