/**
 * The web shell's helpers that every context's controllers use: downloads, message texts, page links.
 */
@org.springframework.modulith.NamedInterface("web")
@org.jspecify.annotations.NullMarked
package org.ruralbank.platform.web;
