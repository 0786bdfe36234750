package org.ruralbank.directconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.internal.PainMessages.CreditTransfer;
import org.ruralbank.directconnect.internal.PainMessages.Initiation;
import org.ruralbank.directconnect.internal.PainMessages.PaymentBlock;

/** The checks of a whole pain.001 before anything executes, and the guard that its report will validate. */
class PainMessagesTest {

    @Test
    void aMessageWhoseReportWouldNotValidateIsCaughtBeforeAnythingExecutes() {
        assertThatCode(() -> PainMessages.reportable(message("2", null, block("B1", null, null, tx("E1", "1.00")))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PainMessages.reportable(message("1", null, block("B1", null, null, tx("", "1.00")))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAWholeMessageForEachReasonWithItsIsoCode() {
        // ids arrive trimmed: an id of only whitespace is empty here
        assertThat(PainMessages.refusal(message("1", null, block("B1", null, null, tx("", "1.00"))), 10))
                .extracting(Refusal::code)
                .isEqualTo("FF08");
        assertThat(PainMessages.refusal(message("1", null, block("", null, null, tx("E1", "1.00"))), 10))
                .extracting(Refusal::code)
                .isEqualTo("FF02");
        assertThat(PainMessages.refusal(
                        message(
                                "2",
                                null,
                                block("B1", null, null, tx("E1", "1.00")),
                                block("B1", null, null, tx("E2", "1.00"))),
                        10))
                .extracting(Refusal::code)
                .isEqualTo("DU02");
        assertThat(PainMessages.refusal(
                        message("2", null, block("B1", null, null, tx("E1", "1.00"), tx("E2", "1.00"))), 1))
                .extracting(Refusal::code)
                .isEqualTo("AM18");
        assertThat(PainMessages.refusal(message("2", null, block("B1", null, null, tx("E1", "1.00"))), 10))
                .extracting(Refusal::code)
                .isEqualTo("AM18");
        assertThat(PainMessages.refusal(message("1", "1.00", block("B1", null, null, tx("E1", "1.01"))), 10))
                .extracting(Refusal::code)
                .isEqualTo("AM10");
        assertThat(PainMessages.refusal(message("1", null, block("B1", "02", null, tx("E1", "1.01"))), 10))
                .extracting(Refusal::code)
                .isEqualTo("AM18");
        assertThat(PainMessages.refusal(message("1", null, block("B1", null, "1.00", tx("E1", "1.01"))), 10))
                .extracting(Refusal::text)
                .isEqualTo("CtrlSum of block B1 says 1.00 but its amounts add up to 1.01");
        assertThat(PainMessages.refusal(message("001", "1.010", block("B1", "01", "+1.01", tx("E1", "1.01"))), 10))
                .isNull();
    }

    private static Initiation message(String nbOfTxs, String ctrlSum, PaymentBlock... blocks) {
        return new Initiation("pain.001.001.09", "M1", "2026-12-03T10:00:00", nbOfTxs, ctrlSum, List.of(blocks));
    }

    private static PaymentBlock block(String id, String nbOfTxs, String ctrlSum, CreditTransfer... txs) {
        return new PaymentBlock(id, "620001", nbOfTxs, ctrlSum, List.of(txs));
    }

    private static CreditTransfer tx(String endToEndId, String amount) {
        return new CreditTransfer(null, endToEndId, amount, "CNY", false, null, "收款", "620002");
    }
}
