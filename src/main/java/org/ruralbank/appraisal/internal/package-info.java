/** The appraisal's stores in the operational database, behind the services of the context's root package. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.appraisal.internal;
