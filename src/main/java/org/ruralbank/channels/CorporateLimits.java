package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;
import org.springframework.stereotype.Service;

/**
 * Corporate online-banking limits against the rules: the head office caps every enterprise at 2,000万 per
 * transaction and 5,000万 per day; branches open each at 200万 / 500万 and may raise it on request up to the cap.
 * Lists, as of a date, every corporate user whose limits break the cap and every one not on the branch default.
 */
@Service
public class CorporateLimits {

    public static final BigDecimal CEILING_SINGLE = new BigDecimal("20000000.00");
    public static final BigDecimal CEILING_DAILY = new BigDecimal("50000000.00");
    public static final BigDecimal DEFAULT_SINGLE = new BigDecimal("2000000.00");
    public static final BigDecimal DEFAULT_DAILY = new BigDecimal("5000000.00");

    private final Warehouse warehouse;
    private final Orgs orgs;

    CorporateLimits(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /** One corporate user off the default; {@code breach} when either limit is above the head office's cap. */
    public record Limit(String userId, String custId, String orgId, LocalDate signDate, String status,
            BigDecimal single, BigDecimal daily, boolean breach) {
    }

    /** The date the limits are read at (null when nothing is built), the corporate users, and those listed. */
    public record View(LocalDate asOf, long corporateUsers, long breaches, List<Limit> limits) {
    }

    public View of(String orgId, LocalDate asOf, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "o.org_path", orgId);
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        if (e.columns("dw", "dim_eb_user").isEmpty() || asOf == null) {
            return new View(null, 0, 0, List.of());
        }
        p.put("d", asOf);
        p.put("cs", CEILING_SINGLE);
        p.put("cd", CEILING_DAILY);
        p.put("ds", DEFAULT_SINGLE);
        p.put("dd", DEFAULT_DAILY);
        // a user without recorded limits breaches nothing; left NULL, it would sort after every other user
        QueryResult r = e.query("""
                with orgs as (
                    select org_id, org_path from dw.dim_org where valid_from <= :d and valid_to >= :d
                )
                select u.eb_user_id, u.cust_id, u.sign_org_id, u.sign_date, u.status, u.single_limit, u.daily_limit,
                       coalesce(u.single_limit > :cs or u.daily_limit > :cd, false) as breach,
                       (coalesce(u.single_limit, -1) <> :ds or coalesce(u.daily_limit, -1) <> :dd) as off_default
                  from dw.dim_eb_user u join orgs o on o.org_id = u.sign_org_id
                 where u.valid_from <= :d and u.valid_to >= :d and u.eb_type = 'CNET' and """ + where + """

                 order by breach desc, u.sign_org_id, u.eb_user_id""", p, 100_000);
        List<Limit> limits = new ArrayList<>();
        long breaches = 0;
        for (int i = 0; i < r.rows().size(); i++) {
            boolean breach = Boolean.TRUE.equals(r.get(i, "breach"));
            breaches += breach ? 1 : 0;
            if (breach || Boolean.TRUE.equals(r.get(i, "off_default"))) {
                Object sd = r.get(i, "sign_date");
                limits.add(new Limit((String) r.get(i, "eb_user_id"), (String) r.get(i, "cust_id"),
                        (String) r.get(i, "sign_org_id"), sd == null ? null : LocalDate.parse(sd.toString().substring(0, 10)),
                        (String) r.get(i, "status"), (BigDecimal) r.get(i, "single_limit"),
                        (BigDecimal) r.get(i, "daily_limit"), breach));
            }
        }
        return new View(asOf, r.rows().size(), breaches, List.copyOf(limits));
    }
}
