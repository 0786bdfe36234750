package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ruralbank.shared.CodedText;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A blocked date's reason, stored in English, is written in the page's language. */
class ReasonsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/ingest");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void aBlockedDatesReasonReadsInChineseAndEnglish() {
        String stored = "20250102/CORE_CARD.20250102.dat line 7 field OPEN_DATE: '20251399' is not a valid date"
                + " (12 invalid records, tolerance 10). (and 2 more problems)";
        var text = Reasons.read(stored);
        var m = messages();

        String zh = text.html(m, ZH);
        assertThat(zh)
                .contains(
                        "<span translate=\"no\">20250102/CORE_CARD.20250102.dat</span> 第 <span translate=\"no\">7</span>"
                                + " 行字段 <span translate=\"no\">OPEN_DATE</span>")
                .contains("不是有效日期")
                .contains("无效记录")
                .contains("另有")
                .doesNotContain("is not", "line", "more problems", "tolerance");

        assertThat(text.in(m, Locale.ENGLISH)).isEqualTo(stored.replace(" (and", " (and"));
    }

    @Test
    void aFolderWithoutReadyAndAWaitingDate() {
        var m = messages();
        assertThat(Reasons.read("20250103: the folder has no READY, so it is incomplete and must not be read.")
                        .in(m, ZH))
                .isEqualTo("20250103：文件夹没有 READY 标志，数据不完整，不可读取。");
        assertThat(Reasons.read("waits for 20250102, which is not loaded").html(m, ZH))
                .isEqualTo("等待 <span translate=\"no\">20250102</span>，该日尚未加载");
        assertThat(Reasons.read("waits for 20250102, which is not loaded").in(m, Locale.ENGLISH))
                .isEqualTo("waits for 20250102, which is not loaded");
    }

    @Test
    void anAlertWritesTheReasonAsAClauseOfItsSentence() {
        var m = messages();
        String reason = "20250102/CORE_CARD.20250102.dat: the check file is missing.";
        var alert = CodedText.of("ingest.problem.BLOCKED", "20250102", Reasons.clause(reason));
        assertThat(alert.in(m, Locale.ENGLISH))
                .startsWith("Business date 20250102 is blocked and the dates after it wait: "
                        + "20250102/CORE_CARD.20250102.dat: the check file is missing. Ask");
        assertThat(alert.in(m, ZH)).contains("20250102/CORE_CARD.20250102.dat：缺少校验文件。请按原因");
        assertThat(Reasons.clause("something else.").in(m, ZH)).isEqualTo("something else");
    }

    @Test
    void aReasonNotRecognisedIsShownAsStored() {
        var m = messages();
        var t = Reasons.read("some <older> reason");
        assertThat(t.isVerbatim()).isTrue();
        assertThat(t.html(m, ZH)).isEqualTo("<span translate=\"no\">some &lt;older&gt; reason</span>");
    }
}
