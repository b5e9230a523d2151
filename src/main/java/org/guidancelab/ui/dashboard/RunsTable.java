package org.guidancelab.ui.dashboard;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.guidancelab.engine.train.RunStatus;

/**
 * The runs as a table, one row per run: name, preset, date, status, steps, arms, final and best validation accuracy
 * per arm, duration. Columns sort by their values (dates by time, steps and durations by number); a text field and
 * a status choice filter the rows; several rows can be selected to compare. Each column is as wide as its widest
 * header or cell, so nothing in it is cut short.
 */
public final class RunsTable extends VBox {
    static final String ALL_STATUSES = "All statuses";

    private final ObservableList<RunEntry> all = FXCollections.observableArrayList();
    private final FilteredList<RunEntry> filtered = new FilteredList<>(all);
    private final SortedList<RunEntry> sorted = new SortedList<>(filtered);
    /** Fits its columns whenever the rows or the font (a theme, a stylesheet) changed since the last fit. */
    private final TableView<RunEntry> table = new TableView<>(sorted) {
        @Override
        protected void layoutChildren() {
            String key = fontOf(this, ".table-cell") + "|" + fontOf(this, ".column-header .label") + "|" + fitRows;
            if (!key.equals(fittedFor)) {
                fittedFor = key;
                fitColumns();
            }
            super.layoutChildren();
        }
    };
    private String fittedFor = "";
    /** Bumped whenever the rows change, so the next layout fits the columns again. */
    private long fitRows;
    private final TextField filter = new TextField();
    private final ComboBox<String> status = new ComboBox<>();

    public RunsTable() {
        setSpacing(6);
        table.setId("runs-table");
        filter.setId("runs-filter");
        status.setId("runs-status-filter");
        filter.setPromptText("Filter by name, preset, arm…");
        status.getItems().add(ALL_STATUSES);
        for (RunStatus s : RunStatus.values()) {
            status.getItems().add(s.jsonName());
        }
        status.setValue(ALL_STATUSES);
        filter.textProperty().addListener((o, a, b) -> applyFilter());
        status.valueProperty().addListener((o, a, b) -> applyFilter());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No runs yet."));
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.getColumns().setAll(List.<TableColumn<RunEntry, ?>>of(
                column("Run", "runs-col-name", RunEntry::name, RunEntry::name),
                column("Preset", "runs-col-preset", e -> e.title().toLowerCase(java.util.Locale.ROOT), RunEntry::title),
                column("Date", "runs-col-date", e -> e.started() == null ? java.time.Instant.EPOCH : e.started(),
                        RunEntry::date),
                column("Status", "runs-col-status", e -> e.status().jsonName(),
                        e -> e.status().jsonName()),
                column("Steps", "runs-col-steps", RunEntry::stepsDone, RunEntry::stepsText),
                column("Arms", "runs-col-arms", e -> String.join(", ", e.arms()),
                        e -> String.join("\n", e.arms())),
                column("Final val. accuracy", "runs-col-final", e -> bestOf(e, false),
                        e -> e.accuracyText(false)),
                column("Best val. accuracy", "runs-col-best", e -> bestOf(e, true),
                        e -> e.accuracyText(true)),
                column("Duration", "runs-col-duration", e -> e.duration() == null ? -1L : e.duration().getSeconds(),
                        RunEntry::durationText)));
        HBox bar = new HBox(6, new Label("Filter"), filter, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filter, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    /** The highest of the arms' final (or best) accuracies, so a column sorts runs by how well they did. */
    private static double bestOf(RunEntry e, boolean best) {
        return e.accuracy().values().stream().mapToDouble(a -> best ? a.best() : a.last()).filter(v -> !Double.isNaN(v))
                .max().orElse(-1);
    }

    /**
     * A column sorted by {@code value} (its natural order) and showing {@code text} (which may have several
     * lines: one per arm).
     */
    private static <T> TableColumn<RunEntry, T> column(String title, String id, Function<RunEntry, T> value,
                                                       Function<RunEntry, String> text) {
        TableColumn<RunEntry, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                RunEntry row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : text.apply(row));
            }
        });
        c.setUserData(text);
        return c;
    }

    /** Shows {@code entries} (filtered and sorted as chosen), keeping the selected runs selected. */
    public void setAll(List<RunEntry> entries) {
        List<java.nio.file.Path> selected = table.getSelectionModel().getSelectedItems().stream().map(RunEntry::dir).toList();
        all.setAll(entries);
        fitRows++;
        table.getSelectionModel().clearSelection();
        for (RunEntry e : sorted) {
            if (selected.contains(e.dir())) {
                table.getSelectionModel().select(e);
            }
        }
        fitColumns();
    }

    private void applyFilter() {
        String text = filter.getText();
        String s = status.getValue();
        filtered.setPredicate(e -> e.matches(text) && (s == null || s.equals(ALL_STATUSES) || e.status().jsonName().equals(s)));
    }

    /**
     * Sets each column as wide as its header or its widest cell line (measured in the table's font), plus room for
     * the cell padding and the sort arrow.
     */
    @SuppressWarnings("unchecked")
    void fitColumns() {
        Text header = new Text();
        header.setFont(font(table, ".column-header .label"));
        Text cell = new Text();
        cell.setFont(font(table, ".table-cell"));
        for (TableColumn<RunEntry, ?> c : table.getColumns()) {
            Function<RunEntry, String> text = (Function<RunEntry, String>) c.getUserData();
            double w = width(header, c.getText()) + 32; // the header's padding and sort arrow
            for (RunEntry e : all) {
                for (String line : text.apply(e).split("\n")) {
                    w = Math.max(w, width(cell, line) + 24); // the cell's padding
                }
            }
            c.setPrefWidth(Math.ceil(w));
            c.setMinWidth(Math.ceil(w));
        }
    }

    /** The font the table draws {@code selector} in: its own once its skin made one, else the default. */
    private static javafx.scene.text.Font font(TableView<?> t, String selector) {
        javafx.scene.Node n = t.lookup(selector);
        return n instanceof javafx.scene.control.Labeled l ? l.getFont() : javafx.scene.text.Font.getDefault();
    }

    private static String fontOf(TableView<?> t, String selector) {
        javafx.scene.text.Font f = font(t, selector);
        return f.getName() + f.getSize();
    }

    private static double width(Text measure, String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    public TableView<RunEntry> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    public ComboBox<String> statusFilter() {
        return status;
    }

    /** The selected runs, in the table's order. */
    public List<RunEntry> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }
}
