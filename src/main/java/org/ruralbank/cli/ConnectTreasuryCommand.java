package org.ruralbank.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The finance bureau's side of treasury payments (国库集中支付): load the year's quota file, pay a budget unit's
 * expense from its quota, record a refund, download the daily reconciliation. Each prints the bank's JSON answer.
 */
@Command(
        name = "treasury",
        description = "Treasury payments of a finance bureau: quotas, payments, refunds, " + "reconciliation.",
        subcommands = {
            ConnectTreasuryCommand.Load.class,
            ConnectTreasuryCommand.Pay.class,
            ConnectTreasuryCommand.Refund.class,
            ConnectTreasuryCommand.Reconciliation.class
        })
class ConnectTreasuryCommand {

    @Command(
            name = "load",
            description =
                    "Load (or reload) the quota file of a "
                            + "fiscal year: CSV with the header fiscal_year,budget_unit_code,budget_unit_name,economic_code,"
                            + "economic_name,quota_yuan. The file replaces the year's quotas; a quota absent from it drops to zero.")
    static class Load implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Parameters(index = "0", description = "The quota file (UTF-8 CSV).")
        Path file;

        @Option(
                names = "--id",
                required = true,
                description = "Your id for this load (a replay with it changes " + "nothing).")
        String id;

        @Override
        public Integer call() throws Exception {
            return c.send("POST", "/api/dc/v1/treasury/quotas", Files.readAllBytes(file), "text/csv", id);
        }
    }

    @Command(
            name = "pay",
            description = "Pay a budget unit's expense from its " + "quota of an economic classification.")
    static class Pay implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Option(names = "--id", required = true, description = "Your unique id for this payment.")
        String id;

        @Option(names = "--unit", required = true, description = "Budget unit code (预算单位).")
        String unit;

        @Option(names = "--code", required = true, description = "Economic classification code (经济分类科目).")
        String code;

        @Option(names = "--year", description = "Fiscal year (default: the bank's business date's year).")
        Integer year;

        @Option(names = "--from", required = true, description = "The bureau's account to pay from.")
        String from;

        @Option(names = "--to", required = true, description = "The payee's account.")
        String to;

        @Option(names = "--name", required = true, description = "The payee's name.")
        String name;

        @Option(names = "--bank", description = "The payee's bank (BIC) when it is not this bank.")
        String bank;

        @Option(names = "--amount", required = true, description = "Yuan, at most two decimals.")
        String amount;

        @Option(names = "--purpose", defaultValue = "", description = "What the payment is for.")
        String purpose;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JsonMapper.shared().createObjectNode();
            if (year != null) {
                body.put("fiscalYear", year.intValue());
            }
            body.put("budgetUnit", unit)
                    .put("economicCode", code)
                    .put("debitAccount", from)
                    .put("payeeAccount", to)
                    .put("payeeName", name);
            if (bank != null) {
                body.put("payeeBank", bank);
            }
            return c.postJson(
                    "/api/dc/v1/treasury/payments", body.put("amount", amount).put("purpose", purpose), id);
        }
    }

    @Command(
            name = "refund",
            description = "Record a refund (退回) of a settled "
                    + "payment: the money goes back to the bureau's account and the quota is restored.")
    static class Refund implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Option(names = "--id", required = true, description = "Your unique id for this refund.")
        String id;

        @Option(names = "--payment", required = true, description = "The id of the payment refunded.")
        String payment;

        @Option(names = "--amount", required = true, description = "Yuan, at most what the payment paid.")
        String amount;

        @Option(names = "--reason", required = true, description = "Why the payment comes back.")
        String reason;

        @Override
        public Integer call() throws Exception {
            return c.postJson(
                    "/api/dc/v1/treasury/refunds",
                    JsonMapper.shared()
                            .createObjectNode()
                            .put("paymentId", payment)
                            .put("amount", amount)
                            .put("reason", reason),
                    id);
        }
    }

    @Command(
            name = "reconciliation",
            description =
                    "Each quota at the end of a "
                            + "business date (quota, paid, refunded, used, remaining) and the date's payments and refunds (JSON).")
    static class Reconciliation implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Option(names = "--date", description = "Business date (yyyy-MM-dd; default the bank's today).")
        String date;

        @Override
        public Integer call() throws Exception {
            return c.send(
                    "GET",
                    "/api/dc/v1/treasury/reconciliation" + (date == null ? "" : "?date=" + date),
                    new byte[0],
                    null,
                    null);
        }
    }
}
