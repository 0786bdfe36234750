/**
 * The provincial union's T+1 delivery interface as code: table metadata, record formats, field rules, the
 * layout of a date folder, and the writers the sample bank uses to produce conforming files.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.delivery;
