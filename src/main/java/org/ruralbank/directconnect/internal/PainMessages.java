package org.ruralbank.directconnect.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads pain.001.001.09 and pain.001.001.03 credit transfer initiations and writes pain.002.001.10 reports. */
public final class PainMessages {

    public static final String NS_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    public static final List<String> ACCEPTED = List.of("pain.001.001.09", "pain.001.001.03");
    public static final String PAIN002 = "pain.002.001.10";

    private PainMessages() {
    }

    public record Initiation(String version, String msgId, String creDtTm, String nbOfTxs, String ctrlSum,
            List<PaymentBlock> blocks) {

        public int transactionCount() {
            return blocks.stream().mapToInt(b -> b.transactions().size()).sum();
        }
    }

    public record PaymentBlock(String pmtInfId, String debitAccount, String nbOfTxs, String ctrlSum,
            List<CreditTransfer> transactions) {
    }

    public record CreditTransfer(String instrId, String endToEndId, String amountText, String currency,
            String creditorAgent, String creditorName, String creditAccount) {

        /** The id that names this transaction within its block: the instruction id, else the end-to-end id. */
        public String txKey() {
            return instrId != null ? instrId : endToEndId;
        }
    }

    /**
     * Parses and validates a pain.001 message: namespace first (one of {@link #ACCEPTED}), then the schema.
     */
    public static Initiation read(byte[] body) throws Xml.BadXml {
        Document doc = Xml.parse(body);
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        String version = ns != null && ns.startsWith(NS_PREFIX) ? ns.substring(NS_PREFIX.length()) : null;
        if (!"Document".equals(root.getLocalName()) || version == null || !ACCEPTED.contains(version)) {
            throw new Xml.BadXml("wrong-namespace", "expected a Document in namespace " + NS_PREFIX
                    + "pain.001.001.09 or pain.001.001.03, got {" + ns + "}" + root.getLocalName());
        }
        Xml.validate(body, version);
        Element init = Xml.child(root, "CstmrCdtTrfInitn");
        Element hdr = Xml.child(init, "GrpHdr");
        List<PaymentBlock> blocks = new ArrayList<>();
        for (Element p : Xml.children(init, "PmtInf")) {
            List<CreditTransfer> txs = new ArrayList<>();
            for (Element t : Xml.children(p, "CdtTrfTxInf")) {
                Element amt = Xml.child(t, "Amt", "InstdAmt");
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
                txs.add(new CreditTransfer(Xml.text(t, "PmtId", "InstrId"), Xml.text(t, "PmtId", "EndToEndId"),
                        amt == null ? null : amt.getTextContent().trim(), amt == null ? null : amt.getAttribute("Ccy"),
                        agent, Xml.text(t, "Cdtr", "Nm"), account(Xml.child(t, "CdtrAcct"))));
            }
            blocks.add(new PaymentBlock(Xml.text(p, "PmtInfId"), account(Xml.child(p, "DbtrAcct")),
                    Xml.text(p, "NbOfTxs"), Xml.text(p, "CtrlSum"), txs));
        }
        return new Initiation(version, Xml.text(hdr, "MsgId"), Xml.text(hdr, "CreDtTm"), Xml.text(hdr, "NbOfTxs"),
                Xml.text(hdr, "CtrlSum"), blocks);
    }

    private static String account(Element acct) {
        if (acct == null) {
            return null;
        }
        String iban = Xml.text(acct, "Id", "IBAN");
        return iban != null ? iban : Xml.text(acct, "Id", "Othr", "Id");
    }

    /** A transaction's status for the report. */
    public record TxStatus(String instrId, String endToEndId, String status, String reasonCode, String reasonText) {
    }

    public record BlockStatus(String pmtInfId, List<TxStatus> transactions, String status, String reasonCode,
            String reasonText) {
    }

    /**
     * The pain.002.001.10 report: a status for the message, each payment-information block and each transaction.
     * {@code groupReason} is set when the whole message was refused before any transaction was looked at.
     */
    public static String report(String reportId, Instant now, Initiation in, List<BlockStatus> blocks,
            String groupReason, String groupReasonText) {
        XmlOut x = new XmlOut(NS_PREFIX + PAIN002).open("CstmrPmtStsRpt");
        x.open("GrpHdr").el("MsgId", IsoReports.cut(reportId)).el("CreDtTm", IsoReports.dateTime(now)).close();
        List<String> all = new ArrayList<>();
        blocks.forEach(b -> all.add(b.status()));
        String groupStatus = groupReason != null ? "RJCT" : combine(all);
        x.open("OrgnlGrpInfAndSts").el("OrgnlMsgId", in.msgId()).el("OrgnlMsgNmId", in.version())
                .el("OrgnlNbOfTxs", in.nbOfTxs()).el("OrgnlCtrlSum", in.ctrlSum()).el("GrpSts", groupStatus);
        reason(x, groupReason, groupReasonText);
        x.close();
        for (BlockStatus b : blocks) {
            x.open("OrgnlPmtInfAndSts").el("OrgnlPmtInfId", b.pmtInfId()).el("PmtInfSts", b.status());
            reason(x, b.reasonCode(), b.reasonText());
            for (TxStatus t : b.transactions()) {
                x.open("TxInfAndSts").el("OrgnlInstrId", t.instrId()).el("OrgnlEndToEndId", t.endToEndId())
                        .el("TxSts", t.status());
                reason(x, t.reasonCode(), t.reasonText());
                x.close();
            }
            x.close();
        }
        return Xml.checked(x.close().finish(), PAIN002);
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

    private static void reason(XmlOut x, String code, String text) {
        if (code == null) {
            return;
        }
        x.open("StsRsnInf").open("Rsn").el("Cd", code).close();
        if (text != null) {
            x.el("AddtlInf", text.length() <= 105 ? text : text.substring(0, 105));
        }
        x.close();
    }
}
