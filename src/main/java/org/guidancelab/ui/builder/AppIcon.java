package org.guidancelab.ui.builder;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The application icon (assets/icon-*.png, copied into the jar by the build) for windows and dialogs. */
public final class AppIcon {
    static final int[] SIZES = {256, 128, 48, 32};
    private static List<Image> images;

    private AppIcon() {
    }

    /** Every size, largest first (the window manager picks); empty when the resources are missing. */
    static synchronized List<Image> images() {
        if (images == null) {
            List<Image> list = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcon.class.getResourceAsStream("/org/guidancelab/ui/icon-" + size + ".png")) {
                    if (in != null) {
                        list.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // a missing icon is cosmetic: the window opens without it
                }
            }
            images = List.copyOf(list);
        }
        return images;
    }

    /** The icon of the given size if packaged, else the largest one, else null. */
    static Image image(int size) {
        return images().stream().filter(i -> (int) i.getWidth() == size).findFirst()
                .orElse(images().isEmpty() ? null : images().get(0));
    }

    public static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
