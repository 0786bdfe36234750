package org.ruralbank.channels;

import java.util.List;

/** Filled target workbooks for tests in other packages. */
public final class TargetWorkbookTestSupport {

    private TargetWorkbookTestSupport() {}

    public static byte[] filled(int year, List<TargetWorkbook.Branch> branches) {
        return TargetWorkbookTest.filled(year, branches, sheet -> {});
    }
}
