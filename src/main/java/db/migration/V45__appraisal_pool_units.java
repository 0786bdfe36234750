package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A bonus pool belongs to a unit: a branch (as before) or a head-office department, whose pools share the branches'
 * yearly wage budget. {@code appraisal_pool} gains {@code unit_kind} ({@code BRANCH}, {@code DEPT}) and
 * {@code unit_id} (the branch's org id, the department's id), and one pool per run and unit replaces one per run and
 * org (every department's org is the head office).
 *
 * <p>In Java rather than SQL because the unique key it replaces was declared without a name, and PostgreSQL and H2
 * name it differently: its name is read from the information schema, which both keep.
 */
public class V45__appraisal_pool_units extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("alter table appraisal_pool add column unit_kind varchar(6) default 'BRANCH' not null");
            st.execute("alter table appraisal_pool add column unit_id varchar(12)");
            st.execute("update appraisal_pool set unit_id = org_id");
            st.execute("alter table appraisal_pool alter column unit_id set not null");
            st.execute("alter table appraisal_pool add constraint appraisal_pool_unit_kind_check "
                    + "check (unit_kind in ('BRANCH', 'DEPT'))");
            for (String name : uniqueKeys(c)) {
                st.execute("alter table appraisal_pool drop constraint " + name);
            }
            st.execute("alter table appraisal_pool add constraint appraisal_pool_unit_key "
                    + "unique (run_id, unit_kind, unit_id)");
        }
    }

    /** The unique keys of appraisal_pool in the current schema (the one of V21: run and org). */
    private static List<String> uniqueKeys(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select constraint_name from information_schema.table_constraints "
                        + "where lower(table_name) = 'appraisal_pool' and constraint_type = 'UNIQUE' "
                        + "and lower(table_schema) = lower(current_schema)")) {
            while (rs.next()) {
                names.add("\"" + rs.getString(1).replace("\"", "\"\"") + "\"");
            }
        }
        return names;
    }
}
