package org.ruralbank.directconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reason a refusal can carry is read back from its stored code and has its meaning in both languages. */
class StatusReasonTest {

    @ParameterizedTest
    @EnumSource(StatusReason.class)
    void eachReasonIsReadBackFromItsCodeAndSaysWhatItMeansInChineseAndEnglish(StatusReason reason) throws Exception {
        assertThat(reason.code()).hasSize(4);
        assertThat(StatusReason.of(reason.code())).isSameAs(reason);
        for (String bundle : new String[] {"i18n/directconnect.properties", "i18n/directconnect_en.properties"}) {
            Properties texts = new Properties();
            try (var in = new InputStreamReader(
                    getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                texts.load(in);
            }
            assertThat(texts.getProperty(reason.messageKey()))
                    .as(bundle + " " + reason.messageKey())
                    .isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "am04", "XX99"})
    void aCodeTheBankNeverWritesIsNotAReason(String code) {
        assertThatThrownBy(() -> StatusReason.of(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
