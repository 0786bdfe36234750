/** The cockpit's page: the home page (工作台). */
@org.jspecify.annotations.NullMarked
package org.ruralbank.cockpit.web;
