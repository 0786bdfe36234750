package org.ruralbank.samplebank;

import java.time.LocalDate;
import java.util.List;

/**
 * What a generation wrote.
 *
 * @param dates the business dates generated (a {@code gap} date is generated but its folder not written)
 * @param rows records written over all data files
 * @param bytes bytes of data files written
 */
public record GenerationResult(List<LocalDate> dates, long rows, long bytes) {}
