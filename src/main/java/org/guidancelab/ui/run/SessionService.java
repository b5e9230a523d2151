package org.guidancelab.ui.run;

import java.util.concurrent.Executor;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.guidancelab.session.RunSummary;

/**
 * A {@link org.guidancelab.session.RunSession} as a JavaFX {@link Service}: runs the given session on the training
 * thread and reports how it ended on the FX thread. Everything else about the run is the session's.
 */
final class SessionService extends Service<RunOutcome> {
    private ActiveRun next;
    private Task<RunOutcome> task;

    SessionService(Executor trainingThread) {
        setExecutor(trainingThread);
    }

    /** Starts {@code run} (FX thread; the previous one must have ended). */
    void start(ActiveRun run) {
        next = run;
        reset(); // not restart(): it reports the ended run as cancelled
        start();
    }

    /** The task of the run started last, to wait for its end when the window closes. */
    Task<RunOutcome> currentTask() {
        return task;
    }

    @Override
    protected Task<RunOutcome> createTask() {
        ActiveRun run = next;
        task = new Task<>() {
            @Override
            protected RunOutcome call() {
                RunSummary s = run.session().run();
                return new RunOutcome(run.job(), s.dir(), s.status(), s.message());
            }
        };
        return task;
    }
}
