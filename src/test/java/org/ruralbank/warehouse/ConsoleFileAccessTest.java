package org.ruralbank.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL console reaches no file of the server: every way DuckDB turns a string into a file read is refused,
 * with a reason, and the engine's settings that forbid it cannot be turned back. Secret files lie beside the
 * warehouse, in the home folder and in the loader's own intake folder, in every format DuckDB reads by name.
 */
class ConsoleFileAccessTest {

    static final String SECRET = "secret_customer_book";

    @TempDir
    static Path home;

    Warehouse warehouse;

    @BeforeEach
    void warehouseWithSecretsBeside() throws Exception {
        Files.createDirectories(home.resolve("work/ingest"));
        Files.writeString(home.resolve("secret.csv"), "name\n" + SECRET + "\n");
        Files.writeString(home.resolve("secret.tsv"), "name\n" + SECRET + "\n");
        Files.writeString(home.resolve("secret.json"), "[{\"name\":\"" + SECRET + "\"}]");
        Files.writeString(home.resolve("secret.txt"), SECRET);
        Files.writeString(home.resolve("work/ingest/staged.csv"), "name\n" + SECRET + "\n");
        if (!Files.exists(home.resolve("secret.parquet"))) {
            // written by a DuckDB of the test's own, which is not locked down
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                s.execute("copy (select '" + SECRET + "' as name) to '" + home.resolve("secret.parquet")
                        + "' (format parquet)");
            }
        }
        warehouse = Warehouse.under(home, false);
        warehouse.engine().execute("create schema if not exists ods");
        warehouse.engine().execute("create or replace table ods.t as select 1 as x");
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // replacement scans: a quoted string (or identifier) in FROM is read as a file by its extension
                "select * from '%1$s/secret.csv'",
                "select * from '%1$s/secret.tsv'",
                "select * from '%1$s/secret.json'",
                "select * from '%1$s/secret.parquet'",
                "select * from '%1$s/secret.*'",
                "select * from '%1$s/**/*.csv'",
                "select * from '~/secret.csv'",
                "select * from \"%1$s/secret.csv\"",
                "from '%1$s/secret.csv'",
                "select * from ods.t, '%1$s/secret.csv'",
                "select (select name from '%1$s/secret.csv')",
                "select * from ods.t where x in (select 1 from '%1$s/secret.csv')",
                "with s as (select * from '%1$s/secret.csv') select * from s",
                "select * from ods.t union all select * from '%1$s/secret.csv'",
                "select * from 'http://127.0.0.1:9/secret.csv'",
                "select * from 's3://bucket/secret.parquet'",
                // the loader's own intake folder, which the engine may read, is still out of the console's reach
                "select * from '%1$s/work/ingest/staged.csv'",
                // table functions
                "select * from read_csv('%1$s/secret.csv')",
                "select * from read_csv_auto('%1$s/secret.csv')",
                "select * from read_json('%1$s/secret.json')",
                "select * from read_json_auto('%1$s/secret.json')",
                "select * from read_parquet('%1$s/secret.parquet')",
                "select * from parquet_scan('%1$s/secret.parquet')",
                "select * from parquet_metadata('%1$s/secret.parquet')",
                "select * from read_text('%1$s/secret.txt')",
                "select * from read_blob('%1$s/secret.txt')",
                "select * from glob('%1$s/*')",
                "select * from sniff_csv('%1$s/secret.csv')",
                "select * from read_csv('%1$s/work/ingest/staged.csv')",
                "select * from duckdb_settings()",
                "select * from ods.t, read_text('%1$s/secret.txt')",
                // statements other than one query
                "copy ods.t to '%1$s/out.csv'",
                "copy ods.t from '%1$s/secret.csv'",
                "copy (select 1) to '%1$s/out.csv'",
                "attach '%1$s/other.duckdb' as other",
                "attach ':memory:' as m",
                "install httpfs",
                "load httpfs",
                "force install httpfs from 'http://127.0.0.1:9'",
                "export database '%1$s/dump'",
                "import database '%1$s/dump'",
                "set enable_external_access = true",
                "reset enable_external_access",
                "set lock_configuration = false",
                "set allowed_directories = ['/']",
                "set global enable_external_access = true",
                "pragma enable_profiling",
                "call pragma_version()",
                "select 1; select * from '%1$s/secret.csv'",
                "create table x as select * from '%1$s/secret.csv'",
                "create secret (type s3, key_id 'k', secret 's')",
            })
    void consoleRefusesEveryFileRead(String template) {
        String query = template.formatted(home);
        assertThatThrownBy(() -> warehouse.engine().queryReadOnly(query, 10))
                .as(query)
                .isInstanceOf(QueryRefused.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void refusalSaysWhichFileWasAskedFor() {
        String query = "select * from '" + home + "/secret.csv'";
        assertThatThrownBy(() -> warehouse.engine().queryReadOnly(query, 10))
                .isInstanceOfSatisfying(QueryRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(QueryRefused.Reason.READS_FILES);
                    assertThat(e.detail()).isEqualTo(home + "/secret.csv");
                });
        assertThatThrownBy(() -> warehouse.engine().queryReadOnly("select * from read_text('/etc/hostname')", 10))
                .isInstanceOfSatisfying(
                        QueryRefused.class, e -> assertThat(e.detail()).isEqualTo("read_text()"));
        assertThatThrownBy(() -> warehouse.engine().queryReadOnly("copy ods.t to 'x.csv'", 10))
                .isInstanceOfSatisfying(
                        QueryRefused.class, e -> assertThat(e.reason()).isEqualTo(QueryRefused.Reason.NOT_A_QUERY));
    }

    @Test
    void consoleStillQueriesTheWarehouse() {
        QueryResult r = warehouse
                .engine()
                .queryReadOnly(
                        "with a as (select x from ods.t) select x, 'a.csv' as f " + "from a join ods.t using (x)", 10);
        assertThat(r.rows()).containsExactly(List.of(1, "a.csv"));
    }

    @Test
    void engineSettingsThatForbidFilesAreLocked() {
        WarehouseEngine engine = warehouse.engine();
        for (String set : List.of(
                "set enable_external_access = true",
                "reset enable_external_access",
                "set lock_configuration = false",
                "set allowed_directories = ['/']",
                "set disabled_filesystems = ''",
                "set autoload_known_extensions = true",
                "set autoinstall_known_extensions = true",
                "set allow_unsigned_extensions = true")) {
            assertThatThrownBy(() -> engine.execute(set))
                    .as(set)
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("locked");
        }
        assertThat(engine.query("select current_setting('enable_external_access')", 1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(false);
        // even the application's own statements read nothing outside the intake folder
        assertThatThrownBy(() -> engine.query("select * from read_text('" + home + "/secret.txt')", 1))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("Permission");
    }

    @Test
    void loaderReadsItsIntakeFolderOnly() {
        LinkedHashMap<String, String> cols = new LinkedHashMap<>();
        cols.put("name", "VARCHAR");
        assertThat(warehouse.intake()).isEqualTo(home.resolve("work/ingest"));
        QueryResult staged = warehouse
                .engine()
                .query(
                        "select count(*) from "
                                + warehouse.engine().readDelimited(home.resolve("work/ingest/staged.csv"), cols),
                        1);
        assertThat(staged.rows().get(0).get(0)).isEqualTo(2L);
        assertThatThrownBy(() -> warehouse
                        .engine()
                        .query(
                                "select count(*) from "
                                        + warehouse.engine().readDelimited(home.resolve("secret.csv"), cols),
                                1))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("Permission");
    }

    @Test
    void readOnlyWarehouseOfTheCommandLineReadsNoFileAtAll() {
        warehouse.close();
        try (Warehouse readOnly = Warehouse.under(home, true)) {
            assertThat(readOnly.intake()).isNull();
            assertThatThrownBy(() -> readOnly.engine()
                            .query("select * from read_text('" + home + "/work/ingest/staged.csv')", 1))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("Permission");
            assertThat(readOnly.engine().queryReadOnly("select x from ods.t", 1).rows())
                    .hasSize(1);
        }
    }
}
