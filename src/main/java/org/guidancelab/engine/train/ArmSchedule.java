package org.guidancelab.engine.train;

/**
 * The order in which a {@link Trainer} runs the arms of an experiment. The schedule never changes what an arm
 * computes (each arm owns its networks, buffers and caches), only when its events come: a run's recorded metrics
 * are the same bits either way, and a run stopped under one schedule resumes under the other.
 */
public enum ArmSchedule {
    /** Each arm to its end before the next starts: one arm's networks and guide cache in memory at a time. */
    SEQUENTIAL,
    /**
     * The arms take turns a step each on the training thread, so every chart grows for all arms at once; all arms'
     * networks and guide caches are held together.
     */
    INTERLEAVED
}
