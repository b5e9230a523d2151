package org.guidancelab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every event, for assertions. */
public final class RecordingListener implements TrainingListener {
    public final List<TrainingEvent> events = new ArrayList<>();

    @Override
    public void onEvent(TrainingEvent event) {
        events.add(event);
    }

    public <T extends TrainingEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<TrainingEvent.Step> steps(String arm, Phase phase) {
        return of(TrainingEvent.Step.class).stream().filter(s -> s.arm().equals(arm) && s.phase() == phase).toList();
    }

    public <T extends TrainingEvent> List<T> of(Class<T> type, Predicate<T> filter) {
        return of(type).stream().filter(filter).toList();
    }
}
