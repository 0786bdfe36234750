package org.ruralbank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The platform on the embedded database with a generated small bank: a year of the provincial union's deliveries
 * is written into the inbox on the first run, and the server loads it date by date in the background while it
 * serves (the data-platform page shows the progress).
 */
@Command(
        name = "demo",
        description = "Run the platform on the embedded database with a sample bank, ready to click through.")
class DemoCommand implements Callable<Integer> {

    /** The sample bank's year. */
    static final LocalDate DEMO_START = LocalDate.of(2025, 1, 1);

    static final int DEMO_DAYS = 365;

    @ParentCommand
    RuralbankCommand root;

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(
            names = "--days",
            description = "Days of the sample bank to generate on the first run (default ${DEFAULT-VALUE}).",
            defaultValue = "" + DEMO_DAYS)
    int days;

    @Override
    public Integer call() throws IOException {
        Path home = root.home();
        if (RunningServer.refusedBeside(home, "the demo", System.err)) {
            return 2;
        }
        Path inbox = home.resolve("inbox");
        if (!hasDeliveries(inbox)) {
            System.out.println("Generating the sample bank's deliveries (small profile, " + days + " days from "
                    + DEMO_START + ") into " + inbox + " ...");
            SampleBank.generate(
                    new GenerationRequest(Profile.SMALL, 1, DEMO_START, days, inbox, 20250101L, false, List.of()),
                    line -> {});
        }
        ConfigurableApplicationContext ctx = SpringRunner.start(
                home,
                true,
                port,
                SpringRunner.Store.EMBEDDED,
                Map.of(
                        // the pages say where the demo's sample enterprises keep their keys
                        "ruralbank.demo",
                        "true",
                        "ruralbank.ingest.watch",
                        "true",
                        "ruralbank.ingest.watch-interval-seconds",
                        "3",
                        // the sample year lies in the past: its next date would be late from the start
                        "ruralbank.ingest.late-after",
                        "off",
                        "ruralbank.ingest.check-interval-seconds",
                        "5"));
        RunningServer.listen(home, ctx);
        int bound = SpringRunner.boundPort(ctx);
        DemoAppraisal.start(ctx, SampleBank.ftpCurve(inbox, DEMO_START.getYear()));
        DemoPoints.start(ctx, home);
        afterTheFirstDate(ctx, home, inbox, bound);
        prepareAppraisalOnceTheYearIsLoaded(ctx);
        String password = ctx.getBean(Bootstrap.class).demoAdminPassword();
        FirstLogin.print(bound, Bootstrap.FIRST_ADMIN, password);
        System.out.println("  The sample bank's deliveries load in the background, one business date at a time:");
        System.out.println("  数据平台 (data platform) shows each date's state, the progress and the intake's health");
        System.out.println(
                "  (red when a date is blocked or a load stalls; the late-delivery check is off in the demo,");
        System.out.println("  whose sample year lies in the past). /actuator/health/ingest tells the same.");
        System.out.println("  绩效考核 → FTP曲线与利差: the generator's SAMPLE FTP curve (示例曲线，非市场行情) is imported;");
        System.out.println(
                "  绩效考核 → 业绩认领 / 认领争议: sample claims (pending, approved, disputed) appear after the first date.");
        System.out.println("  客户积分: sample earning rules are approved; each loaded date earns points by them.");
        System.out.println(
                "  客户关系 (demo.head, demo.cm below): find a customer by a part of the name (e.g. 王) and see them");
        System.out.println(
                "  whole; 担保圈链 lists the sample bank's mutual guarantees and joint circles within the branch,");
        System.out.println("  'ruralbank crm circles' the whole bank's. 营销名单 → 生成营销任务 makes tasks whose result");
        System.out.println("  营销任务 measures from later dates; 管户交接 hands a leaving manager's portfolio to colleagues");
        System.out.println("  once another branch head approves (demo.cm sees only their own portfolio).");
        System.out.println();
        return Waiting.untilStopped(ctx);
    }

    /**
     * Once the first date has brought the branches into the org tree, does what the bank's staff would do next:
     * uploads the generated year's targets as a planning officer would (a year that already has targets keeps them)
     * and onboards the direct-connection demo's enterprises, which then use the signed API ({@link DemoDirectConnect}).
     */
    private static void afterTheFirstDate(ConfigurableApplicationContext ctx, Path home, Path inbox, int port) {
        Targets targets = ctx.getBean(Targets.class);
        Path workbook = SampleBank.targetWorkbook(inbox, DEMO_START.getYear());
        DemoDirectConnect directConnect = new DemoDirectConnect(ctx, home, port);
        Thread t = new Thread(
                () -> {
                    try {
                        while (targets.branches(OrgScope.everything()).isEmpty()) {
                            Thread.sleep(2_000);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    try {
                        if (Files.exists(workbook)
                                && targets.of(DEMO_START.getYear(), OrgScope.everything())
                                        .isEmpty()) {
                            try (InputStream in = Files.newInputStream(workbook)) {
                                targets.upload(DEMO_START.getYear(), null, in, OrgScope.everything());
                            }
                            System.out.println("  The sample year's targets (任务分解表) are uploaded: 电子银行 → 任务分解表.");
                        }
                    } catch (IOException | RuntimeException e) {
                        System.err.println(
                                "demo: the sample targets " + workbook + " were not uploaded: " + e.getMessage());
                    }
                    try {
                        if (!Files.exists(directConnect.recipe())) {
                            directConnect.seed();
                            System.out.println(
                                    "  Two direct-connection enterprises are onboarded and have paid (银企直连); "
                                            + "the client recipe is in " + directConnect.recipe());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException | RuntimeException e) {
                        System.err.println(
                                "demo: the direct-connection enterprises were not onboarded: " + e.getMessage());
                    }
                },
                "demo-after-first-date");
        t.setDaemon(true);
        t.start();
    }

    /** The quarter whose appraisal the demo prepares, and its sign-ins. */
    static final String DEMO_QUARTER = "2025Q4";

    /**
     * Once the year's last date is loaded, prepares the 2025 Q4 appraisal as the performance office would (scheme,
     * budget, targets, the departments' approved scores, a draft run ready to publish) and makes four demo users: the
     * performance office ({@code demo.perf}), the head of the best-ranked branch ({@code demo.head}) and a customer
     * manager of that branch ({@code demo.cm}) and a reader of the whole bank for the risk office ({@code demo.risk}, an
     * auditor: it reads the CRM pages and the guarantee circles and changes nothing), and the head of the e-banking
     * department ({@code demo.dept}: their department's results and their own, and its bonus pool once published), each with a one-time password printed
     * once.
     */
    private static void prepareAppraisalOnceTheYearIsLoaded(ConfigurableApplicationContext ctx) {
        Thread t = new Thread(
                () -> {
                    try {
                        org.ruralbank.appraisal.SampleAppraisal sample =
                                ctx.getBean(org.ruralbank.appraisal.SampleAppraisal.class);
                        while (!sample.ready(DEMO_QUARTER)) {
                            Thread.sleep(5_000);
                        }
                        sample.prepare(DEMO_QUARTER).ifPresent(run -> {
                            System.out.println("  The " + DEMO_QUARTER
                                    + " appraisal is computed and ready to publish: 绩效考核 → 考核计算.");
                            demoUsers(ctx, run);
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        System.err.println("demo: the sample appraisal was not prepared: " + e.getMessage());
                    }
                },
                "demo-appraisal");
        t.setDaemon(true);
        t.start();
    }

    private static void demoUsers(ConfigurableApplicationContext ctx, org.ruralbank.appraisal.AppraisalRuns.Run run) {
        var runs = ctx.getBean(org.ruralbank.appraisal.AppraisalRuns.class);
        var users = ctx.getBean(org.ruralbank.platform.StaffUsers.class);
        var all = org.ruralbank.appraisal.Access.everything();
        var branch = runs.branches(run.runId(), all).get(0);
        var cm = runs.people(run.runId(), branch.orgId(), all).stream()
                .filter(p -> p.personalScore() != null && "CM".equals(p.postCode()))
                .findFirst()
                .or(() -> runs.people(run.runId(), branch.orgId(), all).stream().findFirst())
                .orElseThrow();
        var admin = users.findByUsername(Bootstrap.FIRST_ADMIN).orElseThrow();
        var checker = new org.ruralbank.platform.StaffPrincipal(
                admin.userId(),
                admin.username(),
                admin.displayName(),
                admin.orgId(),
                admin.orgPath(),
                admin.staffId(),
                admin.roles(),
                admin.dataScope());
        String headOffice = ctx.getBean(org.ruralbank.platform.Orgs.class).list(OrgScope.everything()).stream()
                .filter(o -> o.level() == org.ruralbank.platform.Org.HEAD_OFFICE && o.open())
                .findFirst()
                .map(org.ruralbank.platform.Org::orgId)
                .orElse(Bootstrap.HEAD_OFFICE_ID);
        var ebank = ctx.getBean(org.ruralbank.platform.Departments.class)
                .find("EBANK")
                .filter(d -> d.headStaffId() != null)
                .orElse(null);
        Object[][] wanted = {
            {
                "demo.perf",
                "绩效办",
                headOffice,
                null,
                org.ruralbank.platform.Role.PERF,
                org.ruralbank.platform.DataScope.ALL
            },
            {
                "demo.head",
                branch.orgName() + "行长",
                branch.orgId(),
                null,
                org.ruralbank.platform.Role.BRANCH_HEAD,
                org.ruralbank.platform.DataScope.ORG_AND_BELOW
            },
            {
                // a hand-over (交接) proposed by the branch head is approved by another: the deputy
                "demo.deputy",
                branch.orgName() + "副行长",
                branch.orgId(),
                null,
                org.ruralbank.platform.Role.BRANCH_HEAD,
                org.ruralbank.platform.DataScope.ORG_AND_BELOW
            },
            {
                "demo.risk",
                "风险管理部",
                headOffice,
                null,
                org.ruralbank.platform.Role.AUDITOR,
                org.ruralbank.platform.DataScope.ALL
            },
            {
                "demo.cm",
                cm.staffName(),
                cm.orgId(),
                cm.staffId(),
                org.ruralbank.platform.Role.CM,
                org.ruralbank.platform.DataScope.OWN_CUSTOMERS
            },
        };
        if (ebank != null) {
            Object[][] more = java.util.Arrays.copyOf(wanted, wanted.length + 1);
            more[wanted.length] = new Object[] {
                "demo.dept",
                ebank.name() + "负责人",
                ebank.orgId(),
                ebank.headStaffId(),
                org.ruralbank.platform.Role.CM,
                org.ruralbank.platform.DataScope.ORG
            };
            wanted = more;
        }
        for (Object[] w : wanted) {
            if (users.findByUsername((String) w[0]).isPresent()) {
                continue;
            }
            var change = users.create(
                    new org.ruralbank.platform.NewStaffUser(
                            (String) w[0],
                            (String) w[1],
                            (String) w[2],
                            (String) w[3],
                            java.util.Set.of((org.ruralbank.platform.Role) w[4]),
                            (org.ruralbank.platform.DataScope) w[5]),
                    org.ruralbank.platform.Grantor.console());
            if (change instanceof org.ruralbank.platform.UserChange.Proposed p) {
                change = users.approve(p.proposalId(), checker);
            }
            if (change instanceof org.ruralbank.platform.UserChange.Created c) {
                System.out.println(
                        "  " + w[0] + " (" + w[4] + ", " + w[1] + "): one-time password " + c.oneTimePassword());
            }
        }
    }

    private static boolean hasDeliveries(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try (Stream<Path> dates = Files.list(inbox)) {
            return dates.anyMatch(p -> p.getFileName().toString().matches("\\d{8}"));
        }
    }
}
