/**
 * The web shell's helpers that every context's controllers use: downloads, message texts, page links.
 */
@org.springframework.modulith.NamedInterface("web")
package org.ruralbank.platform.web;
