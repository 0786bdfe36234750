/** The generator of the sample bank: its columns, its days and its state file. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.samplebank.internal;
