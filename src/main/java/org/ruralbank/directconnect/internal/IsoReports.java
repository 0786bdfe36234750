package org.ruralbank.directconnect.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking.Entry;
import org.ruralbank.directconnect.CoreBanking.Kind;
import org.ruralbank.shared.Money;

/**
 * Writes the camt.052.001.08 intraday report, camt.053.001.08 statement and camt.054.001.08 notification, each
 * checked against its schema before it leaves.
 */
final class IsoReports {

    public static final String CAMT052 = "camt.052.001.08";
    public static final String CAMT053 = "camt.053.001.08";
    public static final String CAMT054 = "camt.054.001.08";

    private IsoReports() {}

    /** One account's part of a report: balances in fen and entries. */
    public record AccountPart(
            String accountNo,
            String accountName,
            long openingFen,
            long closingFen,
            long availableFen,
            List<Entry> entries) {}

    public static String intraday(String msgId, Instant now, LocalDate businessDate, List<AccountPart> accounts) {
        XmlOut x = new XmlOut("urn:iso:std:iso:20022:tech:xsd:" + CAMT052).open("BkToCstmrAcctRpt");
        header(x, msgId, now);
        for (AccountPart a : accounts) {
            x.open("Rpt").el("Id", id(msgId, a.accountNo())).el("CreDtTm", dateTime(now));
            account(x, a);
            balance(x, "OPBD", a.openingFen(), businessDate);
            balance(x, "ITBD", a.closingFen(), businessDate);
            balance(x, "ITAV", a.availableFen(), businessDate);
            entries(x, a.entries());
            x.close();
        }
        return Xml.checked(x.close().finish(), CAMT052);
    }

    public static String statement(
            String msgId, Instant now, LocalDate from, LocalDate to, List<AccountPart> accounts) {
        XmlOut x = new XmlOut("urn:iso:std:iso:20022:tech:xsd:" + CAMT053).open("BkToCstmrStmt");
        header(x, msgId, now);
        for (AccountPart a : accounts) {
            x.open("Stmt")
                    .el("Id", id(msgId, a.accountNo()))
                    .el("CreDtTm", dateTime(now))
                    .open("FrToDt")
                    .el("FrDtTm", from + "T00:00:00+08:00")
                    .el("ToDtTm", to + "T23:59:59+08:00")
                    .close();
            account(x, a);
            balance(x, "OPBD", a.openingFen(), from);
            balance(x, "CLBD", a.closingFen(), to);
            entries(x, a.entries());
            x.close();
        }
        return Xml.checked(x.close().finish(), CAMT053);
    }

    public static String notification(String msgId, Instant now, AccountPart account) {
        XmlOut x = new XmlOut("urn:iso:std:iso:20022:tech:xsd:" + CAMT054).open("BkToCstmrDbtCdtNtfctn");
        header(x, msgId, now);
        x.open("Ntfctn").el("Id", id(msgId, account.accountNo())).el("CreDtTm", dateTime(now));
        account(x, account);
        entries(x, account.entries());
        x.close();
        return Xml.checked(x.close().finish(), CAMT054);
    }

    private static void header(XmlOut x, String msgId, Instant now) {
        x.open("GrpHdr").el("MsgId", cut(msgId)).el("CreDtTm", dateTime(now)).close();
    }

    private static void account(XmlOut x, AccountPart a) {
        x.open("Acct")
                .open("Id")
                .open("Othr")
                .el("Id", a.accountNo())
                .close()
                .close()
                .el("Ccy", "CNY")
                .el("Nm", a.accountName())
                .close();
    }

    private static void balance(XmlOut x, String code, long fen, LocalDate date) {
        x.open("Bal")
                .open("Tp")
                .open("CdOrPrtry")
                .el("Cd", code)
                .close()
                .close()
                .el("Amt", "Ccy", "CNY", Money.yuanText(Math.abs(fen)))
                .el("CdtDbtInd", fen >= 0 ? "CRDT" : "DBIT")
                .open("Dt")
                .el("Dt", date.toString())
                .close()
                .close();
    }

    private static void entries(XmlOut x, List<Entry> entries) {
        for (Entry e : entries) {
            if (e.kind() == Kind.VOID || e.kind() == Kind.EXPIRE) {
                continue; // a released reservation moved no money
            }
            boolean pending = e.kind() == Kind.PENDING;
            x.open("Ntry");
            if (e.sequence() > 0) {
                // the ledger's posting sequence; the core's postings (from the warehouse) have their id in AcctSvcrRef
                x.el("NtryRef", String.valueOf(e.sequence()));
            }
            x.el("Amt", "Ccy", "CNY", Money.yuanText(Math.abs(e.signedAmountFen())))
                    .el("CdtDbtInd", e.signedAmountFen() >= 0 ? "CRDT" : "DBIT")
                    .open("Sts")
                    .el("Cd", pending ? "PDNG" : "BOOK")
                    .close()
                    .open("BookgDt")
                    .el("Dt", e.businessDate().toString())
                    .close()
                    .open("ValDt")
                    .el("Dt", e.businessDate().toString())
                    .close()
                    .el("AcctSvcrRef", cut(e.transferId()))
                    .open("BkTxCd")
                    .open("Prtry")
                    .el("Cd", e.code())
                    .close()
                    .close()
                    .el(
                            "AddtlNtryInf",
                            trim500(e.transferId() + " " + (e.reference() == null ? "" : e.reference())
                                    + " counterparty " + e.counterparty()))
                    .close();
        }
    }

    static String dateTime(Instant now) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), BusinessCalendar.BANK_ZONE));
    }

    private static String id(String msgId, String accountNo) {
        return cut(msgId + "-" + accountNo);
    }

    static String cut(String s) {
        return s.length() <= 35 ? s : s.substring(s.length() - 35);
    }

    private static String trim500(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
