package org.ruralbank.channels;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;

/**
 * The quarterly targets of each branch. An upload replaces the targets of the branches it lists for the year, all
 * at once: when any cell is wrong, nothing is saved.
 */
public interface Targets {

    /** Open branches within the scope, in tree order: the rows of the template. */
    List<TargetWorkbook.Branch> branches(OrgScope scope);

    /** The targets of {@code year} for branches within the scope. */
    List<Target> of(int year, OrgScope scope);

    /**
     * The sum of the year's targets of one indicator over the branches within the scope, or null when none is set.
     */
    default @Nullable BigDecimal total(int year, Indicator indicator, OrgScope scope) {
        List<Target> set =
                of(year, scope).stream().filter(t -> t.indicator() == indicator).toList();
        return set.isEmpty() ? null : set.stream().map(Target::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Validates a filled workbook and, only when every cell is valid, replaces the year's targets of the branches
     * it lists.
     *
     * @param fileName the name the workbook came under (a macro-enabled name is refused), or null
     */
    TargetWorkbook.Parsed upload(int year, @Nullable String fileName, InputStream workbook, OrgScope scope);
}
