package org.ruralbank.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The partner's side of the points API (e-commerce partners and alliance merchants): signs each request with the
 * partner's private key, in the direct connection's scheme ({@link ConnectCommand.Connection}: the same options and
 * environment variables, {@code --key-id} being the partner id), and prints the bank's JSON answer. Needs no
 * database and no Spring. Exit status 0 for a 2xx answer, 1 for a refusal (the problem details are printed).
 */
@Command(
        name = "partner",
        description = "Client for points partners and alliance merchants: sign and send points API requests.",
        subcommands = {
            PointsPartnerCommand.Quote.class,
            PointsPartnerCommand.Hold.class,
            PointsPartnerCommand.Confirm.class,
            PointsPartnerCommand.Cancel.class,
            PointsPartnerCommand.Redeem.class,
            PointsPartnerCommand.Refund.class,
            PointsPartnerCommand.Order.class,
            PointsPartnerCommand.Balance.class
        })
class PointsPartnerCommand {

    static final String API = "/api/points/v1";

    /** The customer and the points of an order. */
    static class OrderFields {
        @Option(names = "--order", required = true, description = "The partner's order id (1-40 of A-Z a-z 0-9 _ -).")
        String orderId;

        @Option(names = "--card", required = true, description = "The customer's card number.")
        String cardNo;

        @Option(names = "--code", required = true, description = "The customer's one-time code (6 digits).")
        String code;

        @Option(names = "--points", required = true, description = "Points to spend.")
        long points;

        ObjectNode body() {
            ObjectNode body = JsonMapper.shared().createObjectNode();
            body.put("orderId", orderId);
            body.put("cardNo", cardNo);
            body.put("code", code);
            body.put("points", points);
            return body;
        }
    }

    @Command(name = "quote", description = "The points an amount in yuan costs at the partner's rate.")
    static class Quote implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Parameters(index = "0", paramLabel = "YUAN", description = "The amount, e.g. 12.50.")
        String amount;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JsonMapper.shared().createObjectNode();
            body.put("amount", amount);
            return c.postJson(API + "/quotes", body, null);
        }
    }

    @Command(name = "hold", description = "Online partners: reserve a customer's points for an order.")
    static class Hold implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Mixin
        OrderFields order;

        @Option(names = "--hold-seconds", defaultValue = "900", description = "30..3600 (default 900).")
        int holdSeconds;

        @Override
        public Integer call() throws Exception {
            return c.postJson(API + "/holds", order.body().put("holdSeconds", holdSeconds), null);
        }
    }

    @Command(name = "confirm", description = "Online partners: spend a held order's points.")
    static class Confirm implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Parameters(index = "0", paramLabel = "ORDER")
        String orderId;

        @Override
        public Integer call() throws Exception {
            return c.send("POST", API + "/holds/" + orderId + "/confirm", new byte[0], null, null);
        }
    }

    @Command(name = "cancel", description = "Online partners: release a held order's points.")
    static class Cancel implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Parameters(index = "0", paramLabel = "ORDER")
        String orderId;

        @Override
        public Integer call() throws Exception {
            return c.send("POST", API + "/holds/" + orderId + "/cancel", new byte[0], null, null);
        }
    }

    @Command(name = "redeem", description = "Alliance merchants: redeem a customer's points at the counter.")
    static class Redeem implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Mixin
        OrderFields order;

        @Override
        public Integer call() throws Exception {
            return c.postJson(API + "/redemptions", order.body(), null);
        }
    }

    @Command(name = "refund", description = "Give a confirmed or redeemed order's points back to the customer.")
    static class Refund implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Parameters(index = "0", paramLabel = "ORDER")
        String orderId;

        @Override
        public Integer call() throws Exception {
            return c.send("POST", API + "/orders/" + orderId + "/refund", new byte[0], null, null);
        }
    }

    @Command(name = "order", description = "An order as the bank stored it.")
    static class Order implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Parameters(index = "0", paramLabel = "ORDER")
        String orderId;

        @Override
        public Integer call() throws Exception {
            return c.send("GET", API + "/orders/" + orderId, new byte[0], null, null);
        }
    }

    @Command(
            name = "points",
            description = "A customer's points (balance, lots, coming expiries, history), on card and one-time code.")
    static class Balance implements Callable<Integer> {
        @Mixin
        ConnectCommand.Connection c;

        @Option(names = "--card", required = true, description = "The customer's card number.")
        String cardNo;

        @Option(names = "--code", required = true, description = "The customer's one-time code (6 digits).")
        String code;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JsonMapper.shared().createObjectNode();
            body.put("cardNo", cardNo);
            body.put("code", code);
            return c.postJson(API + "/points", body, null);
        }
    }
}
