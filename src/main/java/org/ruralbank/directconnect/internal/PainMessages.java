package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.StatusReason.DUPLICATE_PAYMENT_INFORMATION_ID;
import static org.ruralbank.directconnect.internal.StatusReason.INVALID_CONTROL_SUM;
import static org.ruralbank.directconnect.internal.StatusReason.INVALID_END_TO_END_ID;
import static org.ruralbank.directconnect.internal.StatusReason.INVALID_NUMBER_OF_TRANSACTIONS;
import static org.ruralbank.directconnect.internal.StatusReason.SYNTAX_ERROR;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads pain.001.001.09 and pain.001.001.03 credit transfer initiations and writes pain.002.001.10 reports. */
final class PainMessages {

    public static final String NS_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    public static final List<String> ACCEPTED = List.of("pain.001.001.09", "pain.001.001.03");
    public static final String PAIN002 = "pain.002.001.10";

    private PainMessages() {}

    public record Initiation(
            String version, String msgId, String creDtTm, String nbOfTxs, String ctrlSum, List<PaymentBlock> blocks) {

        public int transactionCount() {
            return blocks.stream().mapToInt(b -> b.transactions().size()).sum();
        }
    }

    public record PaymentBlock(
            String pmtInfId, String debitAccount, String nbOfTxs, String ctrlSum, List<CreditTransfer> transactions) {}

    /**
     * The end-to-end id a debtor writes when it has none to give (ISO 20022: "if no end-to-end identification is
     * provided by the debtor, NOTPROVIDED is used"). Many transactions of one block may carry it: it names none of
     * them, so it is no duplicate.
     */
    public static final String NOT_PROVIDED = "NOTPROVIDED";

    /**
     * One transaction as written. {@code amountText} and {@code currency} are those of {@code InstdAmt}, or of
     * {@code EqvtAmt/Amt} when {@code equivalentAmount} (an amount in one currency to be paid in another), which
     * this bank does not convert.
     */
    public record CreditTransfer(
            String instrId,
            String endToEndId,
            String amountText,
            String currency,
            boolean equivalentAmount,
            String creditorAgent,
            String creditorName,
            String creditAccount) {

        /**
         * The id that names this transaction within its block: the instruction id, else the end-to-end id; null
         * when neither names it, i.e. there is no instruction id and the end-to-end id is {@link #NOT_PROVIDED}.
         */
        public @Nullable String txKey() {
            return instrId != null ? instrId : NOT_PROVIDED.equals(endToEndId) ? null : endToEndId;
        }
    }

    /**
     * Parses and validates a pain.001 message: namespace first (one of {@link #ACCEPTED}), then the schema, then a
     * message id that is more than whitespace (the report must echo it: {@code bad-request} otherwise). Ids are
     * compared and echoed without their surrounding whitespace.
     */
    public static Initiation read(byte[] body) throws Xml.BadXml {
        Document doc = Xml.parse(body);
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        String version = ns != null && ns.startsWith(NS_PREFIX) ? ns.substring(NS_PREFIX.length()) : null;
        if (!"Document".equals(root.getLocalName()) || version == null || !ACCEPTED.contains(version)) {
            throw new Xml.BadXml(
                    "wrong-namespace",
                    "expected a Document in namespace " + NS_PREFIX + "pain.001.001.09 or pain.001.001.03, got {" + ns
                            + "}" + root.getLocalName());
        }
        Xml.validate(body, version);
        Element init = Xml.child(root, "CstmrCdtTrfInitn");
        Element hdr = Xml.child(init, "GrpHdr");
        List<PaymentBlock> blocks = new ArrayList<>();
        for (Element p : Xml.children(init, "PmtInf")) {
            List<CreditTransfer> txs = new ArrayList<>();
            for (Element t : Xml.children(p, "CdtTrfTxInf")) {
                Element instructed = Xml.child(t, "Amt", "InstdAmt");
                Element amt = instructed != null ? instructed : Xml.child(t, "Amt", "EqvtAmt", "Amt");
                String agent = Xml.text(t, "CdtrAgt", "FinInstnId", "BICFI");
                if (agent == null) {
                    agent = Xml.text(t, "CdtrAgt", "FinInstnId", "BIC");
                }
                if (agent == null) {
                    agent = Xml.text(t, "CdtrAgt", "FinInstnId", "ClrSysMmbId", "MmbId");
                }
                if (agent == null) {
                    agent = Xml.text(t, "CdtrAgt", "FinInstnId", "Othr", "Id");
                }
                txs.add(new CreditTransfer(
                        Xml.text(t, "PmtId", "InstrId"),
                        Xml.text(t, "PmtId", "EndToEndId"),
                        amt.getTextContent().trim(),
                        amt.getAttribute("Ccy"),
                        instructed == null,
                        agent,
                        Xml.text(t, "Cdtr", "Nm"),
                        account(Xml.child(t, "CdtrAcct"))));
            }
            blocks.add(new PaymentBlock(
                    Xml.text(p, "PmtInfId"),
                    account(Xml.child(p, "DbtrAcct")),
                    Xml.text(p, "NbOfTxs"),
                    Xml.text(p, "CtrlSum"),
                    txs));
        }
        Initiation in = new Initiation(
                version,
                Xml.text(hdr, "MsgId"),
                Xml.text(hdr, "CreDtTm"),
                Xml.text(hdr, "NbOfTxs"),
                Xml.text(hdr, "CtrlSum"),
                blocks);
        if (in.msgId().isEmpty()) {
            throw new Xml.BadXml(
                    "bad-request",
                    "GrpHdr/MsgId is only whitespace: a message needs an id to be "
                            + "answered and never executed twice");
        }
        return in;
    }

    /**
     * Why the whole message is refused before anything executes, or null: an id that is only whitespace (the
     * report could not name it), more transactions than {@code max}, a number of transactions or a control sum
     * (of the group or of a block) that disagrees with the transactions, two blocks with one id.
     */
    public static @Nullable Refusal refusal(Initiation in, int max) {
        Set<String> blockIds = new HashSet<>();
        for (PaymentBlock b : in.blocks()) {
            if (b.pmtInfId().isEmpty()) {
                return SYNTAX_ERROR.because("a PmtInfId is only whitespace");
            }
            for (CreditTransfer t : b.transactions()) {
                if (t.endToEndId().isEmpty()) {
                    return INVALID_END_TO_END_ID.because(
                            "an EndToEndId of block " + b.pmtInfId() + " is only whitespace");
                }
                if (t.instrId() != null && t.instrId().isEmpty()) {
                    return SYNTAX_ERROR.because("an InstrId of block " + b.pmtInfId() + " is only whitespace");
                }
            }
            if (!blockIds.add(b.pmtInfId())) {
                return DUPLICATE_PAYMENT_INFORMATION_ID.because(
                        "two payment information blocks have the id " + b.pmtInfId());
            }
        }
        int count = in.transactionCount();
        if (count > max) {
            return INVALID_NUMBER_OF_TRANSACTIONS.because("at most " + max + " transactions per message");
        }
        if (!sameCount(in.nbOfTxs(), count)) {
            return INVALID_NUMBER_OF_TRANSACTIONS.because(
                    "GrpHdr/NbOfTxs says " + in.nbOfTxs() + " but the message holds " + count);
        }
        BigDecimal total =
                sum(in.blocks().stream().flatMap(b -> b.transactions().stream()).toList());
        if (in.ctrlSum() != null && total.compareTo(new BigDecimal(in.ctrlSum())) != 0) {
            return INVALID_CONTROL_SUM.because(
                    "GrpHdr/CtrlSum says " + in.ctrlSum() + " but the amounts add up to " + total.toPlainString());
        }
        for (PaymentBlock b : in.blocks()) {
            if (b.nbOfTxs() != null && !sameCount(b.nbOfTxs(), b.transactions().size())) {
                return INVALID_NUMBER_OF_TRANSACTIONS.because("NbOfTxs of block " + b.pmtInfId() + " says "
                        + b.nbOfTxs() + " but it holds " + b.transactions().size());
            }
            BigDecimal blockTotal = sum(b.transactions());
            if (b.ctrlSum() != null && blockTotal.compareTo(new BigDecimal(b.ctrlSum())) != 0) {
                return INVALID_CONTROL_SUM.because("CtrlSum of block " + b.pmtInfId() + " says " + b.ctrlSum()
                        + " but its amounts add up to " + blockTotal.toPlainString());
            }
        }
        return null;
    }

    /** A count as the schema writes it (up to 15 digits, leading zeros allowed) against the actual count. */
    private static boolean sameCount(String written, int actual) {
        return new BigDecimal(written).compareTo(BigDecimal.valueOf(actual)) == 0;
    }

    /** The total of the amounts as written, whatever their currency, as ISO defines a control sum. */
    private static BigDecimal sum(List<CreditTransfer> txs) {
        BigDecimal sum = BigDecimal.ZERO;
        for (CreditTransfer t : txs) {
            sum = sum.add(new BigDecimal(t.amountText()));
        }
        return sum;
    }

    private static @Nullable String account(Element acct) {
        if (acct == null) {
            return null;
        }
        String iban = Xml.text(acct, "Id", "IBAN");
        return iban != null ? iban : Xml.text(acct, "Id", "Othr", "Id");
    }

    /** A transaction's status for the report. */
    public record TxStatus(
            String instrId,
            String endToEndId,
            String status,
            @Nullable Refusal refusal) {}

    public record BlockStatus(
            String pmtInfId,
            List<TxStatus> transactions,
            String status,
            @Nullable Refusal refusal) {}

    /**
     * The pain.002.001.10 report: a status for the message, each payment-information block and each transaction.
     * {@code refused} is set when the whole message was refused before any transaction was looked at.
     */
    public static String report(
            String reportId, Instant now, Initiation in, List<BlockStatus> blocks, @Nullable Refusal refused) {
        XmlOut x = new XmlOut(NS_PREFIX + PAIN002).open("CstmrPmtStsRpt");
        x.open("GrpHdr")
                .el("MsgId", IsoReports.cut(reportId))
                .el("CreDtTm", IsoReports.dateTime(now))
                .close();
        List<String> all = new ArrayList<>();
        blocks.forEach(b -> all.add(b.status()));
        String groupStatus = refused != null ? "RJCT" : combine(all);
        x.open("OrgnlGrpInfAndSts")
                .el("OrgnlMsgId", in.msgId())
                .el("OrgnlMsgNmId", in.version())
                .el("OrgnlNbOfTxs", in.nbOfTxs())
                .el("OrgnlCtrlSum", in.ctrlSum())
                .el("GrpSts", groupStatus);
        reason(x, refused);
        x.close();
        for (BlockStatus b : blocks) {
            x.open("OrgnlPmtInfAndSts").el("OrgnlPmtInfId", b.pmtInfId()).el("PmtInfSts", b.status());
            reason(x, b.refusal());
            for (TxStatus t : b.transactions()) {
                x.open("TxInfAndSts")
                        .el("OrgnlInstrId", t.instrId())
                        .el("OrgnlEndToEndId", t.endToEndId())
                        .el("TxSts", t.status());
                reason(x, t.refusal());
                x.close();
            }
            x.close();
        }
        return Xml.checked(x.close().finish(), PAIN002);
    }

    /**
     * Fails (a programming error) unless the report of this message validates whatever becomes of its
     * transactions. Called before anything executes: the report echoes the message's ids and counts, and all the
     * rest of it is the bank's own (statuses, ISO codes, texts cut to their length), so once this report of the
     * same ids validates, the real one cannot fail after money has moved.
     */
    public static void reportable(Initiation in) {
        List<BlockStatus> pending = in.blocks().stream()
                .map(b -> new BlockStatus(
                        b.pmtInfId(),
                        b.transactions().stream()
                                .map(t -> new TxStatus(t.instrId(), t.endToEndId(), "PDNG", null))
                                .toList(),
                        "PDNG",
                        null))
                .toList();
        report("CHECK", Instant.EPOCH, in, pending, null);
    }

    /** The status of a group from its members': all one status → that status; mixed with rejections → PART. */
    public static String combine(List<String> statuses) {
        if (statuses.isEmpty()) {
            return "RJCT";
        }
        boolean anyRejected = statuses.contains("RJCT");
        boolean allRejected = statuses.stream().allMatch("RJCT"::equals);
        if (allRejected) {
            return "RJCT";
        }
        if (anyRejected || statuses.contains("PART")) {
            return "PART";
        }
        return statuses.contains("ACSP") ? "ACSP" : "ACSC";
    }

    private static void reason(XmlOut x, @Nullable Refusal refusal) {
        if (refusal == null) {
            return;
        }
        x.open("StsRsnInf").open("Rsn").el("Cd", refusal.code()).close();
        String text = refusal.text();
        if (text != null && !text.isEmpty()) {
            x.el(
                    "AddtlInf",
                    text.codePointCount(0, text.length()) <= 105
                            ? text
                            : text.substring(0, text.offsetByCodePoints(0, 105)));
        }
        x.close();
    }
}
