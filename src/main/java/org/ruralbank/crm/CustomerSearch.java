package org.ruralbank.crm;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Masking;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.WarehouseQueries;

/**
 * Finding a customer by a whole ID number, mobile, deposit account or card number, or a part of the name
 * ({@code crm/search}). The text is compared literally: {@code %}, {@code _}, quotes and backslashes are characters
 * like any other, bound as a parameter and never written into the SQL. Results are masked.
 */
public final class CustomerSearch {

    /** The most hits shown; the query returns one more so that the page can say there are more. */
    public static final int MAX_HITS = 100;

    /** The longest text searched for. */
    public static final int MAX_LENGTH = 40;

    private CustomerSearch() {}

    /** One customer found, its identifiers masked. */
    public record Hit(
            String custId,
            String custType,
            String custName,
            @Nullable String idNo,
            @Nullable String mobile,
            String orgId,
            String orgName,
            String matchedBy) {}

    /** The hits (at most {@link #MAX_HITS}) and whether there were more. */
    public record Found(String text, List<Hit> hits, boolean more) {}

    /**
     * The customers within {@code scope} that {@code text} finds.
     *
     * @throws Rejected {@code q}: the text is empty or longer than {@link #MAX_LENGTH} characters
     */
    public static Found find(WarehouseQueries queries, @Nullable String text, OrgScope scope) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new Rejected("q", "crm.search.empty");
        }
        if (t.codePointCount(0, t.length()) > MAX_LENGTH) {
            throw new Rejected("q", "crm.search.tooLong", MAX_LENGTH);
        }
        List<Hit> rows = queries.named("crm/search")
                .bind("text", t)
                .within(OrgRows.of(scope))
                .list(Hit.class);
        List<Hit> masked = rows.stream()
                .limit(MAX_HITS)
                .map(h -> new Hit(
                        h.custId(),
                        h.custType(),
                        h.custName(),
                        Masking.idNo(h.idNo()),
                        Masking.mobile(h.mobile()),
                        h.orgId(),
                        h.orgName(),
                        h.matchedBy()))
                .toList();
        return new Found(t, masked, rows.size() > MAX_HITS);
    }
}
