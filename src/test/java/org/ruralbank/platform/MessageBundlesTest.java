package org.ruralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message exists in both languages, and no English message is written in Chinese (only the language switch
 * names its language in its own script), so that a page is in one language at a time.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Set<String> OWN_SCRIPT = Set.of("common.language");

    @Test
    void everyMessageHasBothLanguagesAndTheEnglishOnesAreInEnglish() throws IOException {
        List<Path> chinese = new ArrayList<>(List.of(RESOURCES.resolve("messages.properties")));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            files.filter(p -> p.toString().endsWith(".properties")
                            && !p.toString().endsWith("_en.properties"))
                    .forEach(chinese::add);
        }
        assertThat(chinese).hasSizeGreaterThan(3);
        for (Path zh : chinese) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("the English of " + zh).exists();
            Properties z = load(zh);
            Properties e = load(en);
            assertThat(e.stringPropertyNames()).as(en.toString()).isEqualTo(z.stringPropertyNames());
            for (String key : e.stringPropertyNames()) {
                if (!OWN_SCRIPT.contains(key)) {
                    assertThat(e.getProperty(key)).as(en + ": " + key).doesNotContainPattern(HAN);
                }
            }
        }
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
