package org.ruralbank.directconnect;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/** pain.001 messages for tests, in either accepted version. */
public final class Pain001 {

    private Pain001() {}

    public record Tx(String endToEndId, String amount, String currency, String creditAccount, String creditorBank) {}

    public record Block(String pmtInfId, String debitAccount, List<Tx> txs) {}

    public static String v09(String msgId, List<Block> blocks) {
        return message("pain.001.001.09", msgId, blocks);
    }

    public static String v03(String msgId, List<Block> blocks) {
        return message("pain.001.001.03", msgId, blocks);
    }

    public static String message(String version, String msgId, List<Block> blocks) {
        boolean v09 = version.endsWith("09");
        int count = blocks.stream().mapToInt(b -> b.txs().size()).sum();
        StringBuilder x = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:")
                .append(version)
                .append("\"><CstmrCdtTrfInitn><GrpHdr><MsgId>")
                .append(msgId)
                .append("</MsgId><CreDtTm>2026-01-05T10:00:00</CreDtTm><NbOfTxs>")
                .append(count)
                .append("</NbOfTxs><InitgPty><Nm>财务系统</Nm></InitgPty></GrpHdr>");
        for (Block b : blocks) {
            x.append("<PmtInf><PmtInfId>")
                    .append(b.pmtInfId())
                    .append("</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>")
                    .append(b.txs().size())
                    .append("</NbOfTxs>")
                    .append(
                            v09
                                    ? "<ReqdExctnDt><Dt>2026-01-05</Dt></ReqdExctnDt>"
                                    : "<ReqdExctnDt>2026-01-05</ReqdExctnDt>")
                    .append("<Dbtr><Nm>付款企业</Nm></Dbtr><DbtrAcct><Id><Othr><Id>")
                    .append(b.debitAccount())
                    .append("</Id></Othr></Id></DbtrAcct><DbtrAgt><FinInstnId>")
                    .append(v09 ? "<Othr><Id>RURALBANK</Id></Othr>" : "<Othr><Id>RURALBANK</Id></Othr>")
                    .append("</FinInstnId></DbtrAgt>");
            for (Tx t : b.txs()) {
                x.append("<CdtTrfTxInf><PmtId><EndToEndId>")
                        .append(t.endToEndId())
                        .append("</EndToEndId></PmtId>")
                        .append("<Amt><InstdAmt Ccy=\"")
                        .append(t.currency())
                        .append("\">")
                        .append(t.amount())
                        .append("</InstdAmt></Amt>");
                if (t.creditorBank() != null) {
                    x.append("<CdtrAgt><FinInstnId>")
                            .append(v09 ? "<BICFI>" : "<BIC>")
                            .append(t.creditorBank())
                            .append(v09 ? "</BICFI>" : "</BIC>")
                            .append("</FinInstnId></CdtrAgt>");
                }
                x.append("<Cdtr><Nm>收款人</Nm></Cdtr><CdtrAcct><Id><Othr><Id>")
                        .append(t.creditAccount())
                        .append("</Id></Othr></Id></CdtrAcct></CdtTrfTxInf>");
            }
            x.append("</PmtInf>");
        }
        return x.append("</CstmrCdtTrfInitn></Document>").toString();
    }

    /**
     * The message as banks' own files write it: every creditor with an address, every transaction with its
     * remittance information, indented, about 1 KB a transaction (the ISO 20022 samples run 0.7 to 1.3 KB).
     */
    public static String asBanksWriteThem(String message) {
        String full = message.replace(
                        "<Cdtr><Nm>收款人</Nm></Cdtr>",
                        "<Cdtr><Nm>收款人 县农资经营部第三门市</Nm><PstlAdr><StrtNm>城关镇解放路</StrtNm><BldgNb>118</BldgNb>"
                                + "<PstCd>745000</PstCd><TwnNm>城关镇</TwnNm><Ctry>CN</Ctry></PstlAdr></Cdtr>")
                .replace(
                        "</CdtrAcct></CdtTrfTxInf>",
                        "</CdtrAcct><RmtInf><Ustrd>2026年1月货款 合同号 HT-2025-0871 发票号 44031900 第二批次结算"
                                + "</Ustrd></RmtInf></CdtTrfTxInf>");
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            StringWriter out = new StringWriter();
            t.transform(new StreamSource(new StringReader(full)), new StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
