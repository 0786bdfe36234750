/** The points pages and the partners' order API. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.points.web;
