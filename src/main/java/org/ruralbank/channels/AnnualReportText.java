package org.ruralbank.channels;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.shared.Grouped;

/**
 * The annual report written out: the department's sentences in Chinese, as the report itself words them, and the
 * same figures as Markdown, a flat JSON object under stable keys, or an Excel workbook.
 */
public final class AnnualReportText {

    private AnnualReportText() {}

    /** A heading and its sentences. */
    public record Section(String heading, String text) {}

    /** The report's sections in Chinese; empty when the warehouse holds no date of the year. */
    public static List<Section> sections(AnnualReport r) {
        if (!r.hasData()) {
            return List.of();
        }
        String bank = r.wholeBank() ? "全行" : "辖内";
        String asOf = r.to().getMonthValue() == 12 && r.to().getDayOfMonth() == 31
                ? "截至" + r.to().getMonthValue() + "月底"
                : "截至" + r.to().getMonthValue() + "月" + r.to().getDayOfMonth() + "日";
        // a year loaded only in part speaks of "this year so far", not "the whole year"
        String span = r.to().getMonthValue() == 12 && r.to().getDayOfMonth() == 31 ? "全年" : "本年";
        List<Section> s = new ArrayList<>();
        String plan = r.decimal("cards.plan_completion_pct") == null
                ? "（未下达发卡计划）"
                : "，完成全年计划的" + n(r, "cards.plan_completion_pct") + "%";
        s.add(new Section(
                "一、金农卡",
                asOf + "，" + bank + "累计发行金农卡" + n(r, "cards.total") + "张，卡存款余额"
                        + n(r, "cards.balance_wan") + "万元，卡均余额" + n(r, "cards.balance_per_card") + "元；本年新增发卡"
                        + n(r, "cards.new") + "张" + plan + "。其中芯片卡" + n(r, "cards.chip") + "张。"));
        s.add(new Section(
                "二、自助设备",
                bank + "现有自助设备" + n(r, "devices.total") + "台，本年新增" + n(r, "devices.new")
                        + "台。" + span + "自助设备交易" + n(r, "devices.txn.total") + "笔，其中取款" + n(r, "devices.txn.withdrawal")
                        + "笔、存款" + n(r, "devices.txn.deposit") + "笔、转账" + n(r, "devices.txn.transfer") + "笔；实现手续费收入"
                        + n(r, "devices.fee_income_wan") + "万元。"));
        s.add(new Section(
                "三、POS收单",
                "年初有特约商户" + n(r, "pos.merchants_start") + "户，本年新增"
                        + n(r, "pos.merchants_new") + "户。" + span + "POS交易" + n(r, "pos.txn.count") + "笔，交易金额"
                        + n(r, "pos.amount_wan") + "万元，实现手续费收入" + n(r, "pos.fee_income_wan") + "万元。"));
        s.add(new Section(
                "四、金农便民宝",
                bank + "现有便民宝终端" + n(r, "village.terminals") + "台，" + span + "交易"
                        + n(r, "village.txn.count") + "笔，其中成功" + n(r, "village.txn.success") + "笔，应付店主佣金"
                        + n(r, "village.commission_yuan") + "元（每笔0.5元）。"));
        s.add(new Section(
                "五、网上银行",
                "个人网银客户" + n(r, "pnet.users") + "户，本年新增" + n(r, "pnet.users_new")
                        + "户；" + span + "转账" + n(r, "pnet.transfers.count") + "笔，金额" + n(r, "pnet.transfers.amount_wan")
                        + "万元，其中行内转账" + n(r, "pnet.intra.count") + "笔、" + n(r, "pnet.intra.amount_wan") + "万元，跨行转账"
                        + n(r, "pnet.inter.count") + "笔、" + n(r, "pnet.inter.amount_wan") + "万元，农信银"
                        + n(r, "pnet.nxy.count") + "笔、" + n(r, "pnet.nxy.amount_wan") + "万元。企业网银客户"
                        + n(r, "cnet.users") + "户，本年新增" + n(r, "cnet.users_new") + "户；" + span + "转账"
                        + n(r, "cnet.transfers.count") + "笔，金额" + n(r, "cnet.transfers.amount_wan") + "万元，其中跨行转账"
                        + n(r, "cnet.inter.count") + "笔、" + n(r, "cnet.inter.amount_wan") + "万元，农信银"
                        + n(r, "cnet.nxy.count") + "笔、" + n(r, "cnet.nxy.amount_wan") + "万元。手机银行客户"
                        + n(r, "mob.users") + "户，本年新增" + n(r, "mob.users_new") + "户，" + span + "交易"
                        + n(r, "mob.transfers.count") + "笔、" + n(r, "mob.transfers.amount_wan") + "万元。"));
        String share =
                r.decimal("sms.share_of_cards_pct") == null ? "" : "，占发卡量的" + n(r, "sms.share_of_cards_pct") + "%";
        s.add(new Section(
                "六、短信通知", "短信通知签约" + n(r, "sms.subscriptions") + "户" + share + "，本年新增" + n(r, "sms.new") + "户。"));
        s.add(new Section(
                "七、代理业务",
                span + "代发新农保养老金" + n(r, "payouts.pension.count") + "笔、"
                        + n(r, "payouts.pension.amount_wan") + "万元；代扣养老保险费" + n(r, "payouts.deduction.batches") + "批次、"
                        + n(r, "payouts.deduction.households") + "户、" + n(r, "payouts.deduction.amount_wan")
                        + "万元；代发涉农补贴资金" + n(r, "payouts.subsidy.count") + "笔、" + n(r, "payouts.subsidy.amount_wan")
                        + "万元。"));
        return s;
    }

    /**
     * The report's sections in English, for the English page: the same figures and the same order as {@link
     * #sections}; empty when the warehouse holds no date of the year.
     */
    public static List<Section> sectionsInEnglish(AnnualReport r) {
        if (!r.hasData()) {
            return List.of();
        }
        boolean yearEnd = r.to().getMonthValue() == 12 && r.to().getDayOfMonth() == 31;
        String bank = r.wholeBank() ? "the bank" : "the orgs in scope";
        String asOf = "As of " + r.to();
        String span = yearEnd ? "over the year" : "this year so far";
        String plan = r.decimal("cards.plan_completion_pct") == null
                ? " (no card plan was set)"
                : ", " + n(r, "cards.plan_completion_pct") + "% of the year's plan";
        List<Section> s = new ArrayList<>();
        s.add(new Section(
                "1. Debit cards",
                asOf + ", " + bank + " had " + n(r, "cards.total") + " cards in issue with deposits of "
                        + n(r, "cards.balance_wan") + " (10k yuan), " + n(r, "cards.balance_per_card")
                        + " yuan per card; " + n(r, "cards.new") + " new cards were issued this year" + plan + ". "
                        + n(r, "cards.chip") + " of the cards are chip cards."));
        s.add(new Section(
                "2. Self-service devices",
                bank.substring(0, 1).toUpperCase() + bank.substring(1) + " has " + n(r, "devices.total")
                        + " self-service devices, " + n(r, "devices.new") + " of them new this year. They handled "
                        + n(r, "devices.txn.total") + " transactions " + span + ": " + n(r, "devices.txn.withdrawal")
                        + " withdrawals, " + n(r, "devices.txn.deposit") + " deposits and "
                        + n(r, "devices.txn.transfer") + " transfers, with fee income of "
                        + n(r, "devices.fee_income_wan") + " (10k yuan)."));
        s.add(new Section(
                "3. POS acquiring",
                n(r, "pos.merchants_start") + " merchants at the start of the year, " + n(r, "pos.merchants_new")
                        + " signed this year. " + n(r, "pos.txn.count") + " POS transactions " + span + " for "
                        + n(r, "pos.amount_wan") + " (10k yuan), with fee income of " + n(r, "pos.fee_income_wan")
                        + " (10k yuan)."));
        s.add(new Section(
                "4. Village terminals",
                n(r, "village.terminals") + " village terminals; " + n(r, "village.txn.count") + " transactions "
                        + span + ", " + n(r, "village.txn.success")
                        + " of them successful; the shopkeepers' commission is "
                        + n(r, "village.commission_yuan") + " yuan (0.5 yuan each)."));
        s.add(new Section(
                "5. Online and mobile banking",
                n(r, "pnet.users") + " personal online-banking users, " + n(r, "pnet.users_new") + " new this year; "
                        + n(r, "pnet.transfers.count") + " transfers " + span + " for "
                        + n(r, "pnet.transfers.amount_wan") + " (10k yuan): " + n(r, "pnet.intra.count")
                        + " within the bank (" + n(r, "pnet.intra.amount_wan") + "), " + n(r, "pnet.inter.count")
                        + " to other banks (" + n(r, "pnet.inter.amount_wan") + ") and " + n(r, "pnet.nxy.count")
                        + " through the rural-credit network (" + n(r, "pnet.nxy.amount_wan") + "). "
                        + n(r, "cnet.users") + " corporate users, " + n(r, "cnet.users_new") + " new this year; "
                        + n(r, "cnet.transfers.count") + " transfers for " + n(r, "cnet.transfers.amount_wan")
                        + " (10k yuan), " + n(r, "cnet.inter.count") + " of them to other banks ("
                        + n(r, "cnet.inter.amount_wan") + ") and " + n(r, "cnet.nxy.count")
                        + " through the rural-credit network (" + n(r, "cnet.nxy.amount_wan") + "). "
                        + n(r, "mob.users") + " mobile-banking users, " + n(r, "mob.users_new")
                        + " new this year, with "
                        + n(r, "mob.transfers.count") + " transactions for " + n(r, "mob.transfers.amount_wan")
                        + " (10k yuan)."));
        String share = r.decimal("sms.share_of_cards_pct") == null
                ? ""
                : " (" + n(r, "sms.share_of_cards_pct") + "% of the cards)";
        s.add(new Section(
                "6. SMS alerts",
                n(r, "sms.subscriptions") + " SMS-alert sign-ups" + share + ", " + n(r, "sms.new")
                        + " new this year."));
        s.add(new Section(
                "7. Agency business",
                n(r, "payouts.pension.count") + " pension payouts " + span + " for "
                        + n(r, "payouts.pension.amount_wan") + " (10k yuan); pension-insurance deductions in "
                        + n(r, "payouts.deduction.batches") + " batches from " + n(r, "payouts.deduction.households")
                        + " households for " + n(r, "payouts.deduction.amount_wan") + " (10k yuan); "
                        + n(r, "payouts.subsidy.count") + " farm subsidy payouts for "
                        + n(r, "payouts.subsidy.amount_wan") + " (10k yuan)."));
        return s;
    }

    /** A figure as the report prints it, thousands separated ({@link Grouped}); "—" when it has no value. */
    static String n(AnnualReport r, String key) {
        Object v = r.figures().get(key);
        if (v == null) {
            return "—";
        }
        return v instanceof BigDecimal d ? Grouped.decimal(d) : v instanceof Number c ? Grouped.count(c) : v.toString();
    }

    /** A figure as printed, "—" when it has no value. */
    public static String value(AnnualReport r, String key) {
        return n(r, key);
    }

    /** The Chinese labels of the figures, for the tables. */
    public static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    public static String markdown(AnnualReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(r.year()).append("年电子银行业务工作报告（数据部分）\n\n");
        if (!r.hasData()) {
            md.append("数据仓库中没有").append(r.year()).append("年的数据。\n");
            return md.toString();
        }
        md.append("数据期间：").append(r.from()).append(" 至 ").append(r.to()).append("。\n\n");
        for (Section s : sections(r)) {
            md.append("## ").append(s.heading()).append("\n\n").append(s.text()).append("\n\n");
        }
        md.append("## 附表一：主要指标\n\n| 指标 | 键 | 数值 |\n|---|---|---:|\n");
        for (Map.Entry<String, Object> e : r.figures().entrySet()) {
            md.append("| ")
                    .append(label(e.getKey()))
                    .append(" | `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(n(r, e.getKey()))
                    .append(" |\n");
        }
        md.append("\n## 附表二：分机构\n\n| 机构 | 卡数 | 本年新增卡 | 卡存款余额（万元） | 个人网银 | 短信签约 | 商户 | POS笔数 "
                + "| POS金额（万元） | 自助设备笔数 | 设备手续费（万元） |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AnnualReport.OrgFigures b : withTotal(r)) {
            md.append("| ")
                    .append(b.orgId())
                    .append(' ')
                    .append(b.orgName() == null ? "" : b.orgName())
                    .append(" | ")
                    .append(Grouped.count(b.cards()))
                    .append(" | ")
                    .append(Grouped.count(b.newCards()))
                    .append(" | ")
                    .append(Grouped.decimal(b.cardBalanceWan()))
                    .append(" | ")
                    .append(Grouped.count(b.pnetUsers()))
                    .append(" | ")
                    .append(Grouped.count(b.smsUsers()))
                    .append(" | ")
                    .append(Grouped.count(b.merchants()))
                    .append(" | ")
                    .append(Grouped.count(b.posTxn()))
                    .append(" | ")
                    .append(Grouped.decimal(b.posAmountWan()))
                    .append(" | ")
                    .append(Grouped.count(b.deviceTxn()))
                    .append(" | ")
                    .append(Grouped.decimal(b.deviceFeeWan()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A flat JSON object: {@code year}, {@code from}, {@code to}, then every key of {@link AnnualReport#KEYS}. */
    public static String json(AnnualReport r) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"year\": ").append(r.year()).append(",\n");
        j.append("  \"from\": ")
                .append(r.from() == null ? "null" : "\"" + r.from() + "\"")
                .append(",\n");
        j.append("  \"to\": ").append(r.to() == null ? "null" : "\"" + r.to() + "\"");
        for (Map.Entry<String, Object> e : r.figures().entrySet()) {
            Object v = e.getValue();
            j.append(",\n  \"")
                    .append(e.getKey())
                    .append("\": ")
                    .append(v == null ? "null" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return j.append("\n}\n").toString();
    }

    /** A workbook: the sentences, the figures with their keys, the per-org table. */
    public static void xlsx(AnnualReport r, OutputStream out) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet text = book.createSheet("报告");
            int i = 0;
            Spreadsheets.text(text.createRow(i++).createCell(0), r.year() + "年电子银行业务工作报告（数据部分）");
            text.getRow(0).getCell(0).setCellStyle(bold);
            for (Section s : sections(r)) {
                Row h = text.createRow(i++);
                Spreadsheets.text(h.createCell(0), s.heading());
                h.getCell(0).setCellStyle(bold);
                Spreadsheets.text(text.createRow(i++).createCell(0), s.text());
            }
            text.setColumnWidth(0, 150 * 256);
            Sheet figures = book.createSheet("主要指标");
            header(figures.createRow(0), bold, "指标", "键", "数值");
            i = 1;
            for (Map.Entry<String, Object> e : r.figures().entrySet()) {
                Row row = figures.createRow(i++);
                Spreadsheets.text(row.createCell(0), label(e.getKey()));
                Spreadsheets.text(row.createCell(1), e.getKey());
                Object v = e.getValue();
                if (v instanceof BigDecimal d) {
                    // at most 15 significant digits: a spreadsheet number holds them exactly
                    row.createCell(2).setCellValue(d.doubleValue());
                } else if (v instanceof Long l) {
                    row.createCell(2).setCellValue(l);
                }
            }
            figures.setColumnWidth(0, 30 * 256);
            figures.setColumnWidth(1, 32 * 256);
            Sheet orgs = book.createSheet("分机构");
            header(
                    orgs.createRow(0),
                    bold,
                    "机构号",
                    "机构名称",
                    "卡数",
                    "本年新增卡",
                    "卡存款余额（万元）",
                    "个人网银",
                    "短信签约",
                    "商户",
                    "POS笔数",
                    "POS金额（万元）",
                    "自助设备笔数",
                    "设备手续费（万元）");
            i = 1;
            for (AnnualReport.OrgFigures b : withTotal(r)) {
                Row row = orgs.createRow(i++);
                Spreadsheets.text(row.createCell(0), b.orgId());
                Spreadsheets.text(row.createCell(1), b.orgName() == null ? "" : b.orgName());
                row.createCell(2).setCellValue(b.cards());
                row.createCell(3).setCellValue(b.newCards());
                row.createCell(4).setCellValue(b.cardBalanceWan().doubleValue());
                row.createCell(5).setCellValue(b.pnetUsers());
                row.createCell(6).setCellValue(b.smsUsers());
                row.createCell(7).setCellValue(b.merchants());
                row.createCell(8).setCellValue(b.posTxn());
                row.createCell(9).setCellValue(b.posAmountWan().doubleValue());
                row.createCell(10).setCellValue(b.deviceTxn());
                row.createCell(11).setCellValue(b.deviceFeeWan().doubleValue());
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The per-org rows and, under them, their total row (合计), as the report's per-org table shows them. */
    private static List<AnnualReport.OrgFigures> withTotal(AnnualReport r) {
        if (r.branchTotal() == null || r.branches().isEmpty()) {
            return r.branches();
        }
        AnnualReport.OrgFigures t = r.branchTotal();
        List<AnnualReport.OrgFigures> rows = new ArrayList<>(r.branches());
        rows.add(new AnnualReport.OrgFigures(
                "合计",
                null,
                t.cards(),
                t.newCards(),
                t.cardBalanceWan(),
                t.pnetUsers(),
                t.smsUsers(),
                t.merchants(),
                t.posTxn(),
                t.posAmountWan(),
                t.deviceTxn(),
                t.deviceFeeWan(),
                t.cardBalance(),
                t.posAmount(),
                t.deviceFee()));
        return rows;
    }

    private static void header(Row row, CellStyle style, String... names) {
        for (int c = 0; c < names.length; c++) {
            Spreadsheets.text(row.createCell(c), names[c]);
            row.getCell(c).setCellStyle(style);
        }
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("cards.total", "累计发卡（张）"),
            Map.entry("cards.new", "本年新增发卡（张）"),
            Map.entry("cards.plan", "年度发卡计划（张）"),
            Map.entry("cards.plan_completion_pct", "发卡计划完成率（%）"),
            Map.entry("cards.chip", "芯片卡（张）"),
            Map.entry("cards.balance_wan", "卡存款余额（万元）"),
            Map.entry("cards.balance_per_card", "卡均余额（元）"),
            Map.entry("devices.total", "自助设备（台）"),
            Map.entry("devices.new", "本年新增自助设备（台）"),
            Map.entry("devices.txn.total", "自助设备交易（笔）"),
            Map.entry("devices.txn.withdrawal", "其中取款（笔）"),
            Map.entry("devices.txn.deposit", "其中存款（笔）"),
            Map.entry("devices.txn.transfer", "其中转账（笔）"),
            Map.entry("devices.txn.failed", "其中失败（笔）"),
            Map.entry("devices.fee_income_wan", "自助设备手续费收入（万元）"),
            Map.entry("village.terminals", "便民宝终端（台）"),
            Map.entry("village.txn.count", "便民宝交易（笔）"),
            Map.entry("village.txn.success", "便民宝成功交易（笔）"),
            Map.entry("village.commission_yuan", "便民宝店主佣金（元）"),
            Map.entry("pos.merchants_start", "年初商户（户）"),
            Map.entry("pos.merchants_new", "本年新增商户（户）"),
            Map.entry("pos.merchants_end", "年末商户（户）"),
            Map.entry("pos.txn.count", "POS交易（笔）"),
            Map.entry("pos.amount_wan", "POS交易金额（万元）"),
            Map.entry("pos.fee_income_wan", "POS手续费收入（万元）"),
            Map.entry("pnet.users", "个人网银客户（户）"),
            Map.entry("pnet.users_new", "个人网银本年新增（户）"),
            Map.entry("pnet.transfers.count", "个人网银转账（笔）"),
            Map.entry("pnet.transfers.amount_wan", "个人网银转账金额（万元）"),
            Map.entry("pnet.intra.count", "个人网银行内转账（笔）"),
            Map.entry("pnet.intra.amount_wan", "个人网银行内转账金额（万元）"),
            Map.entry("pnet.inter.count", "个人网银跨行转账（笔）"),
            Map.entry("pnet.inter.amount_wan", "个人网银跨行转账金额（万元）"),
            Map.entry("pnet.nxy.count", "个人网银农信银（笔）"),
            Map.entry("pnet.nxy.amount_wan", "个人网银农信银金额（万元）"),
            Map.entry("cnet.users", "企业网银客户（户）"),
            Map.entry("cnet.users_new", "企业网银本年新增（户）"),
            Map.entry("cnet.transfers.count", "企业网银转账（笔）"),
            Map.entry("cnet.transfers.amount_wan", "企业网银转账金额（万元）"),
            Map.entry("cnet.intra.count", "企业网银行内转账（笔）"),
            Map.entry("cnet.intra.amount_wan", "企业网银行内转账金额（万元）"),
            Map.entry("cnet.inter.count", "企业网银跨行转账（笔）"),
            Map.entry("cnet.inter.amount_wan", "企业网银跨行转账金额（万元）"),
            Map.entry("cnet.nxy.count", "企业网银农信银（笔）"),
            Map.entry("cnet.nxy.amount_wan", "企业网银农信银金额（万元）"),
            Map.entry("mob.users", "手机银行客户（户）"),
            Map.entry("mob.users_new", "手机银行本年新增（户）"),
            Map.entry("mob.transfers.count", "手机银行交易（笔）"),
            Map.entry("mob.transfers.amount_wan", "手机银行交易金额（万元）"),
            Map.entry("sms.subscriptions", "短信通知签约（户）"),
            Map.entry("sms.new", "短信通知本年新增（户）"),
            Map.entry("sms.share_of_cards_pct", "短信签约占发卡量（%）"),
            Map.entry("payouts.pension.count", "代发养老金（笔）"),
            Map.entry("payouts.pension.amount_wan", "代发养老金金额（万元）"),
            Map.entry("payouts.deduction.batches", "代扣养老保险（批次）"),
            Map.entry("payouts.deduction.households", "代扣养老保险（户）"),
            Map.entry("payouts.deduction.amount_wan", "代扣养老保险金额（万元）"),
            Map.entry("payouts.subsidy.count", "代发涉农补贴（笔）"),
            Map.entry("payouts.subsidy.amount_wan", "代发涉农补贴金额（万元）"));
}
