/** The appraisal's pages: claims, FTP, schemes, runs, results, pools and disputes. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.appraisal.web;
