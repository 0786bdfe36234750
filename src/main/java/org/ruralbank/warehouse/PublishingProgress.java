package org.ruralbank.warehouse;

/** Told before each step of publishing or rebuilding: the step's name, the steps done with it, and their total. */
@FunctionalInterface
public interface PublishingProgress {

    void step(String name, int done, int total);
}
