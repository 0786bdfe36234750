package org.ruralbank.warehouse;

import java.time.LocalDate;

/**
 * A business date is published: its ODS rows, models and data tests are committed. Contexts that keep something
 * in step with the bank's data (the org tree with CORE_ORG) listen to this instead of being called by the loader.
 *
 * @param businessDate the date published
 * @param latestDate the latest date published, which the bank's data now stands at: {@code businessDate} itself,
 *        unless an earlier date was redelivered behind later ones
 */
public record DatePublished(LocalDate businessDate, LocalDate latestDate) {}
