package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;

/** Importing curves: every bad line named by line and field, nothing of a bad file saved, a good one saved whole. */
@OnPostgres
class FtpCurveImportTest {

    @Autowired
    FtpCurves curves;

    @Autowired
    org.springframework.context.MessageSource messages;

    /** A problem as the command line prints it in English. */
    private List<String> english(FtpCurves.Outcome o) {
        return ((FtpCurves.Outcome.Refused) o)
                .problems().stream()
                        .map(p -> p.where() + ": "
                                + messages.getMessage(p.code(), p.args().toArray(), java.util.Locale.ENGLISH))
                        .toList();
    }

    private FtpCurves.Outcome importCsv(String text) throws Exception {
        return curves.importFile(
                "curve.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "shell:test");
    }

    private static String curve(String date) {
        return TestBank.curveRows(date);
    }

    @Test
    void refusesAGapANegativeTermAndABadRateNamingLineAndFieldAndSavesNothing() throws Exception {
        String text = "date,term,rate\n" + curve("2031-01-31")
                + "2031-02-28,O/N,0.015\n2031-02-28,-1M,0.016\n2031-02-28,3M,1.7%\n";
        FtpCurves.Outcome o = importCsv(text);
        assertThat(o).isInstanceOf(FtpCurves.Outcome.Refused.class);
        List<String> problems = english(o);
        assertThat(problems)
                .contains(
                        "line 11 field term: '-1M' is a negative term; expected one of O/N,1M,3M,6M,1Y,2Y,3Y,5Y.",
                        "line 12 field rate: '1.7%' is not a rate; expected a decimal fraction in [0, 1) with at most six "
                                + "decimals, such as 0.0185.");
        assertThat(problems).anyMatch(p -> p.startsWith("line 10 field term: The curve of 2031-02-28 has a gap"));
        assertThat(curves.curves()).noneMatch(c -> c.curveDate().getYear() == 2031);
    }

    @Test
    void refusesANegativeRateAndADateThatAlreadyHasACurve() throws Exception {
        assertThat(importCsv("date,term,rate\n" + curve("2032-01-31"))).isInstanceOf(FtpCurves.Outcome.Saved.class);
        FtpCurves.Outcome again =
                importCsv("date,term,rate\n" + curve("2032-01-31").replace("0.015", "-0.015"));
        List<String> problems = english(again);
        assertThat(problems)
                .contains("line 2 field rate: '-0.015' is negative; a rate is a decimal fraction in [0, 1) "
                        + "such as 0.0185.");
        assertThat(problems).anyMatch(p -> p.contains("2032-01-31 already has a curve"));
    }

    @Test
    void savesEveryCurveOfAGoodFileAndTheCurveInForceIsTheLatestOnOrBefore() throws Exception {
        FtpCurves.Outcome o = importCsv(
                "date,term,rate\n" + curve("2033-01-31") + curve("20330228").replace("0.02\n", "0.021\n"));
        assertThat(((FtpCurves.Outcome.Saved) o).dates())
                .containsExactly(LocalDate.of(2033, 1, 31), LocalDate.of(2033, 2, 28));
        assertThat(curves.inForce(LocalDate.of(2033, 2, 27))
                        .orElseThrow()
                        .rates()
                        .get("1Y"))
                .isEqualByComparingTo("0.02");
        assertThat(curves.inForce(LocalDate.of(2033, 3, 15))
                        .orElseThrow()
                        .rates()
                        .get("1Y"))
                .isEqualByComparingTo("0.021");
        assertThat(curves.rows())
                .anyMatch(r -> r.get(0).equals(LocalDate.of(2033, 2, 28))
                        && r.get(1).equals("5Y")
                        && r.get(2).equals(1800));
    }
}
