package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ruralbank.appraisal.ClaimOutcome;
import org.ruralbank.appraisal.Claims;
import org.ruralbank.appraisal.CreditKind;
import org.ruralbank.appraisal.FtpCurves;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;

/**
 * What the demo shows of the appraisal: the generator's sample FTP curve imported before the first date loads (so
 * every date gets its FTP figures), and, once the first date has brought its loans and accounts, a few claims of
 * each kind in the first branches: an approved one, a pending one and two that conflict (a dispute).
 */
final class DemoAppraisal {

    private DemoAppraisal() {}

    /** Sample rows of {@code appraisal/sample_credit_objects}. */
    record SampleObject(CreditKind objectKind, String objectId, String orgId, String managerStaffId) {}

    static void start(ApplicationContext ctx, Path curve) {
        FtpCurves curves = ctx.getBean(FtpCurves.class);
        if (Files.exists(curve) && curves.curves().isEmpty()) {
            try (InputStream in = Files.newInputStream(curve)) {
                FtpCurves.Outcome o = curves.importFile(curve.getFileName().toString(), in, "demo");
                if (o instanceof FtpCurves.Outcome.Refused r) {
                    System.err.println("demo: the sample FTP curve was not imported: " + r.problems());
                }
            } catch (IOException e) {
                System.err.println("demo: the sample FTP curve was not imported: " + e.getMessage());
            }
        }
        Thread t = new Thread(
                () -> {
                    try {
                        Claims claims = ctx.getBean(Claims.class);
                        if (!claims.list(org.ruralbank.platform.OrgScope.everything(), null)
                                .isEmpty()) {
                            return;
                        }
                        Warehouse warehouse = ctx.getBean(Warehouse.class);
                        List<SampleObject> objects = List.of();
                        while (objects.isEmpty()) {
                            Thread.sleep(3_000);
                            objects = warehouse
                                    .queries()
                                    .named("appraisal/sample_credit_objects")
                                    .list(SampleObject.class);
                        }
                        sampleClaims(ctx, claims, objects);
                        System.out.println("  Sample claims are in: 绩效考核 → 业绩认领.");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        System.err.println("demo: the sample claims were not made: " + e.getMessage());
                    }
                },
                "demo-claims");
        t.setDaemon(true);
        t.start();
    }

    private static void sampleClaims(ApplicationContext ctx, Claims claims, List<SampleObject> objects) {
        Orgs orgs = ctx.getBean(Orgs.class);
        LocalDate from = LocalDate.of(2025, 1, 1);
        int made = 0;
        for (SampleObject o : objects) {
            Org org = orgs.find(o.orgId()).orElse(null);
            if (org == null || made >= 12) {
                continue;
            }
            StaffPrincipal cm = principal("demo.cm", org, Role.CM);
            StaffPrincipal head = principal("demo.head", org, Role.BRANCH_HEAD);
            String staff = o.managerStaffId() != null ? o.managerStaffId() : o.orgId() + "01";
            if (o.objectKind() == CreditKind.LOAN) {
                // a second manager claims 40% of a loan; the head approves it: 60% goes to the org
                ClaimOutcome c = claims.submit(
                        o.objectKind(), o.objectId(), staff, new BigDecimal("0.400000"), from, null, "共同管户", cm);
                if (c instanceof ClaimOutcome.Done d) {
                    claims.approve(d.id(), head);
                }
            } else if (made % 4 == 1) {
                // two managers both claim 70% of one account: a dispute for the head
                claims.submit(o.objectKind(), o.objectId(), staff, new BigDecimal("0.700000"), from, null, "营销拓展", cm);
                claims.submit(
                        o.objectKind(),
                        o.objectId(),
                        o.orgId() + "02",
                        new BigDecimal("0.700000"),
                        from,
                        null,
                        "原管户",
                        cm);
            } else {
                claims.submit(o.objectKind(), o.objectId(), staff, new BigDecimal("1.000000"), from, null, "新开户营销", cm);
            }
            made++;
        }
    }

    private static StaffPrincipal principal(String name, Org org, Role role) {
        return new StaffPrincipal(0, name, name, org.orgId(), org.path(), null, Set.of(role), DataScope.ORG_AND_BELOW);
    }
}
