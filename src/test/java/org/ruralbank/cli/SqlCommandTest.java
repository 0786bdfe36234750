package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.cli.UsersCommandTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestStores;
import org.ruralbank.warehouse.Warehouse;

/** {@code ruralbank sql}: the console's checks on a warehouse that reads no file, and every query audited. */
class SqlCommandTest {

    @Test
    void everyQueryOfTheCommandLineIsAuditedWithItsText() throws Exception {
        Path home = TestStores.tempHome();
        try (Warehouse w = Warehouse.under(home, false)) {
            w.engine().execute("create schema ods");
            w.engine().execute("create table ods.t as select 41 + 1 as answer");
        }
        Files.writeString(home.resolve("secret.csv"), "name\nsecret_customer_book\n");

        UsersCommandTest.Result ok = run("--home", home.toString(), "sql", "select answer from ods.t");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("42");
        UsersCommandTest.Result refused =
                run("--home", home.toString(), "sql", "select * from '" + home + "/secret.csv'");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("refused").contains("secret.csv");
        assertThat(refused.out() + refused.err()).doesNotContain("secret_customer_book");

        Map<String, Object> db = SpringRunner.embedded(home);
        List<String> entries = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        (String) db.get("spring.datasource.url"),
                        (String) db.get("spring.datasource.username"),
                        (String) db.get("spring.datasource.password"));
                ResultSet rs = c.createStatement()
                        .executeQuery("select actor, outcome, target_id, after_state "
                                + "from audit_event where action = 'warehouse.sql' order by event_id")) {
            while (rs.next()) {
                entries.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        String shell = "shell:" + System.getProperty("user.name");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0))
                .startsWith(shell + " OK select answer from ods.t")
                .contains("\"rows\"");
        assertThat(entries.get(1)).startsWith(shell + " DENIED select * from '").contains("READS_FILES");
    }
}
