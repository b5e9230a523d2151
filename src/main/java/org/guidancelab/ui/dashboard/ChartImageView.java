package org.guidancelab.ui.dashboard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.guidancelab.platform.BackgroundPriority;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.chart.event.ChartChangeListener;

/**
 * A JFreeChart shown as an image that is drawn OFF the FX thread. ChartViewer draws through FXGraphics2D on the FX
 * thread, where software rendering of one chart takes longer than a frame, so live charts redrawing several times a
 * second would hold up JavaFX pulses (docs/decisions/0012-live-charts-drawn-off-the-fx-thread.md). Here one
 * background thread (shared by every view, so charts never take more than one core from training) draws the chart
 * with Java2D into a BufferedImage it reuses, and the FX thread only shows the finished pixels.
 *
 * <p>Thread rules: the renderer draws the chart while holding this view's lock. Live changes (new points) go through
 * {@link #changeOnRenderer}: the renderer makes them under the lock right before it draws, so work that grows with
 * the data (appending and thinning points) stays off the FX thread, which never waits. Rare changes (markers) and
 * drawing elsewhere (export) use {@link #withChart}, which waits for at most one render and makes the queued changes
 * first, so changes happen in the order they were asked for. Scene graph objects are only touched on the FX thread:
 * the renderer hands its pixels back with one runLater per image, and a view has at most one render in flight
 * (changes that arrive meanwhile coalesce into the next one).
 */
public final class ChartImageView extends Region implements ChartChangeListener {
    /** Lowered like the training thread: a chart image can land a frame later, a frame cannot (BackgroundPriority). */
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(
            r -> BackgroundPriority.loweredDaemon("chart-renderer", ChartImageView::startJava2dDisposer, r));

    private static final System.Logger LOG = System.getLogger(ChartImageView.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    /** Changes for the renderer to make (FX thread adds); whoever next holds the lock makes them first. */
    private final ConcurrentLinkedQueue<Runnable> queuedChanges = new ConcurrentLinkedQueue<>();
    private final ImageView image = new ImageView();
    private final ContextMenu contextMenu = new ContextMenu();
    private final Rectangle clip = new Rectangle();
    private final boolean antialias;
    /** The chart to show; written on the FX thread, read by the renderer when a render starts. */
    private volatile JFreeChart chart;
    // FX thread only:
    private JFreeChart renderedChart;
    private ChartRenderingInfo info;
    /**
     * The pixels on screen, in the renderer's own format (premultiplied int ARGB), which is also the software
     * pipeline's texture format. A WritableImage of its own stores BGRA bytes: every new chart would cost a format
     * conversion on the FX thread (setPixels) and another on the render thread.
     */
    private PixelBuffer<IntBuffer> pixels;
    private boolean inFlight;
    private boolean again;
    /** Counts the charts asked for (FX thread writes); a chart built on the renderer shows only if still the newest. */
    private volatile long chartRequests;
    private long chartsSet;
    private int renders;
    // Renderer thread only:
    private BufferedImage buffer;

    /**
     * Starts Java2D's disposer thread (drawing into an image starts it) before the renderer lowers itself, so the
     * disposer keeps normal priority (see BackgroundPriority.loweredDaemon).
     */
    private static void startJava2dDisposer() {
        new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE).createGraphics().dispose();
    }

    /** Runs {@code work} on the chart renderer thread, after what it was given before (e.g. ChartWarmup). */
    static void runOnRenderer(Runnable work) {
        RENDERER.execute(work);
    }

    /**
     * @param antialias false for live curves: aliased lines draw several times faster in software and the image is
     *                  replaced many times a second; exports ({@link #withChart}) keep the chart's own hints
     */
    public ChartImageView(JFreeChart chart, boolean antialias) {
        this.antialias = antialias;
        image.setManaged(false);
        // drawn at device resolution: no resampling wanted, and the software pipeline's unfiltered path is cheaper
        image.setSmooth(false);
        getChildren().add(image);
        setClip(clip);
        getStyleClass().add("chart-image-view");
        setOnContextMenuRequested(e -> contextMenu.show(this, e.getScreenX(), e.getScreenY()));
        setOnMousePressed(e -> contextMenu.hide());
        widthProperty().addListener((o, a, b) -> requestRender());
        heightProperty().addListener((o, a, b) -> requestRender());
        setChart(chart);
    }

    /** Shows another chart (e.g. the heatmap of a new evaluation); drawn off the FX thread as soon as possible. */
    public void setChart(JFreeChart next) {
        if (next == null) {
            throw new IllegalArgumentException("chart must not be null");
        }
        chartsSet = ++chartRequests; // supersedes any chart still being built
        install(next);
    }

    /**
     * Shows the chart that {@code build} makes, building it on the renderer: putting a heatmap's JFreeChart together
     * at every evaluation takes too much of a frame for the FX thread. Once it is this view's chart, {@code onShown}
     * runs on the FX thread. A later {@code setChart} or {@code setChartLater} supersedes a build still waiting; a
     * build that fails is logged and the view keeps its chart.
     */
    public void setChartLater(Supplier<JFreeChart> build, Runnable onShown) {
        long request = ++chartRequests;
        RENDERER.execute(() -> {
            if (request != chartRequests) {
                return; // superseded before it was built
            }
            JFreeChart built;
            try {
                built = build.get();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not build chart: " + e, e);
                Platform.runLater(() -> chartsSet = Math.max(chartsSet, request));
                return;
            }
            Platform.runLater(() -> {
                if (request == chartRequests) {
                    chartsSet = request;
                    install(built);
                    onShown.run();
                }
            });
        });
    }

    private void install(JFreeChart next) {
        JFreeChart old = chart;
        if (old != null) {
            old.removeChangeListener(this);
        }
        chart = next;
        next.addChangeListener(this);
        requestRender();
    }

    public JFreeChart getChart() {
        return chart;
    }

    /** The chart whose image is on screen (the previous one until the first render of a new chart lands). */
    public JFreeChart renderedChart() {
        return renderedChart;
    }

    /** Where plots and axes were in the image on screen (null before the first image). */
    public ChartRenderingInfo getRenderingInfo() {
        return info;
    }

    public ContextMenu getContextMenu() {
        return contextMenu;
    }

    /** True when the image on screen shows the current chart and no change waits to be drawn. */
    public boolean isUpToDate() {
        return !inFlight && !again && renderedChart == chart && pixels != null && queuedChanges.isEmpty()
                && chartsSet == chartRequests;
    }

    /** How many images have been shown so far. */
    public int renderCount() {
        return renders;
    }

    /** Runs {@code use} with the chart to itself (waits for a render in progress to end): for exports and rare edits. */
    public void withChart(Consumer<JFreeChart> use) {
        lock.lock();
        try {
            applyQueued();
            use.accept(chart);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands {@code change} to the renderer (FX thread): it is made there, holding the chart, right before the next
     * image is drawn, and that image shows it. Nothing waits, on either side.
     */
    public void changeOnRenderer(Runnable change) {
        queuedChanges.add(change);
        if (!requestRender()) {
            // no image will be drawn soon (the view is not laid out, e.g. on a hidden tab): make the change anyway,
            // so changes never pile up
            RENDERER.execute(() -> {
                lock.lock();
                try {
                    applyQueued();
                } finally {
                    lock.unlock();
                }
            });
        }
    }

    /** Makes the queued changes, oldest first; the caller holds the lock. A failing change is logged and dropped. */
    private void applyQueued() {
        for (Runnable change = queuedChanges.poll(); change != null; change = queuedChanges.poll()) {
            try {
                change.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not change chart: " + e, e);
            }
        }
    }

    @Override
    public void chartChanged(ChartChangeEvent event) {
        // Changes made on the FX thread ask for a new image; anything the chart fires while the renderer draws it
        // is already in that image.
        if (Platform.isFxApplicationThread()) {
            requestRender();
        }
    }

    @Override
    protected void layoutChildren() {
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        image.relocate(0, 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    /**
     * Asks for a new image of the current chart at the current size (FX thread); false when none will be drawn (the
     * view has no size yet).
     */
    boolean requestRender() {
        if (inFlight) {
            again = true;
            return true;
        }
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w < 1 || h < 1) {
            return false;
        }
        double scale = getScene() != null && getScene().getWindow() != null
                ? Math.max(1.0, getScene().getWindow().getOutputScaleX()) : 1.0;
        JFreeChart c = chart;
        inFlight = true;
        again = false;
        RENDERER.execute(() -> {
            Rendered r;
            lock.lock();
            try {
                applyQueued();
                r = draw(c, w, h, scale);
            } catch (RuntimeException e) {
                // A chart that cannot be drawn (e.g. a renderer bug on odd data) must not stop the renderer thread:
                // the view keeps its last image and draws again at the next change.
                LOG.log(System.Logger.Level.WARNING, "could not draw chart: " + e, e);
                r = null;
            } finally {
                lock.unlock();
            }
            Rendered done = r;
            Platform.runLater(() -> show(done, c));
        });
        return true;
    }

    private record Rendered(int[] argb, int width, int height, double logicalWidth, double logicalHeight,
                            ChartRenderingInfo info) {
    }

    /** Renderer thread: the chart drawn into the reused buffer. */
    private Rendered draw(JFreeChart c, int w, int h, double scale) {
        int pw = (int) Math.ceil(w * scale);
        int ph = (int) Math.ceil(h * scale);
        if (buffer == null || buffer.getWidth() != pw || buffer.getHeight() != ph) {
            buffer = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        Graphics2D g = buffer.createGraphics();
        RenderingHints hints = c.getRenderingHints();
        Object aa = hints.get(RenderingHints.KEY_ANTIALIASING);
        try {
            g.setBackground(Color.WHITE);
            g.clearRect(0, 0, pw, ph);
            g.scale(scale, scale);
            if (!antialias) {
                // The chart puts its own hints on the Graphics2D when it draws: switch them for this image only
                // (no change event; exports drawn under the same lock see the original hints).
                hints.put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            }
            // No entity collection: one entity per data point would cost more than the drawing; hover needs only
            // the plot areas.
            ChartRenderingInfo ri = new ChartRenderingInfo(null);
            c.draw(g, new Rectangle2D.Double(0, 0, w, h), null, ri);
            return new Rendered(((DataBufferInt) buffer.getRaster().getDataBuffer()).getData(), pw, ph, w, h, ri);
        } finally {
            if (!antialias) {
                if (aa == null) {
                    hints.remove(RenderingHints.KEY_ANTIALIASING);
                } else {
                    hints.put(RenderingHints.KEY_ANTIALIASING, aa);
                }
            }
            g.dispose();
        }
    }

    /**
     * FX thread: copies the pixels into the image on screen. The renderer does not touch its buffer again before
     * this ran, since the next render of this view is only started from here.
     */
    private void show(Rendered r, JFreeChart c) {
        inFlight = false;
        if (r != null) {
            if (pixels == null || pixels.getWidth() != r.width() || pixels.getHeight() != r.height()) {
                pixels = new PixelBuffer<>(r.width(), r.height(), IntBuffer.allocate(r.width() * r.height()),
                        PixelFormat.getIntArgbPreInstance());
                image.setImage(new WritableImage(pixels));
            }
            pixels.updateBuffer(b -> {
                b.getBuffer().put(0, r.argb(), 0, r.width() * r.height());
                return null; // all of it
            });
            image.setFitWidth(r.logicalWidth());
            image.setFitHeight(r.logicalHeight());
            info = r.info();
            renderedChart = c;
            renders++;
        }
        boolean resized = r != null && ((int) Math.floor(getWidth()) != (int) Math.round(r.logicalWidth())
                || (int) Math.floor(getHeight()) != (int) Math.round(r.logicalHeight()));
        if (again || c != chart || resized) {
            again = false;
            requestRender();
        }
    }
}
