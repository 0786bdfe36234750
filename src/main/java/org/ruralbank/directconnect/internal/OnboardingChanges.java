package org.ruralbank.directconnect.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.ChangeText;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.Onboarding.Change;
import org.ruralbank.directconnect.OnboardingChange;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.Rejected;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The proposed onboarding changes ({@code dc_change}): each with its kind and its fields as the payload (properties
 * text, one {@code name=value} line per field, sorted, so that equal changes are equal text), read back into their
 * {@link OnboardingChange} records. A change's summary is written from them when read, in the reader's language (the
 * stored one, in the bank's language, is for who reads the table itself); its outcome is stored as a
 * {@link ChangeText}. Every read takes the reader's org scope.
 */
@Repository
public class OnboardingChanges {

    private static final String SELECT = """
            select change_id, kind, payload, needs_head_office, status, maker, made_at, checker, checked_at, outcome
              from dc_change
            """;

    private final JdbcClient db;
    private final MessageSource messages;

    OnboardingChanges(JdbcClient db, MessageSource messages) {
        this.db = db;
        this.messages = messages;
    }

    /** Stores a pending change of an enterprise at {@code orgPath}; returns its id. */
    public long insert(OnboardingChange change, String orgPath, String maker, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                insert into dc_change (enterprise_id, org_path, kind, payload, summary, needs_head_office, status,
                                       maker, made_at)
                values (:e, :path, :kind, :payload, :summary, :ho, 'PENDING', :maker, :now)
                """)
                .param("e", change.enterpriseId())
                .param("path", orgPath)
                .param("kind", change.kind().name())
                .param("payload", write(change.fields()))
                .param("summary", cut(change.summary().in(messages, Locale.SIMPLIFIED_CHINESE)))
                .param("ho", change.needsHeadOffice())
                .param("maker", maker)
                .param("now", at)
                .update(keys, "change_id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Records the checker's decision and its outcome, as a text to be written in each reader's language; one too
     * long for its column is kept in the bank's language, cut to 400 characters.
     */
    public void decide(long changeId, String status, String checker, OffsetDateTime at, ChangeText outcome) {
        String stored = outcome.stored();
        if (stored.length() > 400) {
            stored = cut(outcome.in(messages, Locale.SIMPLIFIED_CHINESE));
        }
        db.sql("update dc_change set status = :s, checker = :c, checked_at = :now, outcome = :o where change_id = :id")
                .param("s", status)
                .param("c", checker)
                .param("now", at)
                .param("o", stored)
                .param("id", changeId)
                .update();
    }

    public Optional<Change> find(long changeId, OrgScope scope) {
        OrgScope.Condition cond = scope.where("org_path", null);
        return db.sql(SELECT + " where change_id = :id and " + cond.sql())
                .params(cond.params())
                .param("id", changeId)
                .query(OnboardingChanges::change)
                .optional();
    }

    /** Changes within the scope, newest first; {@code status} and {@code enterpriseId} filter when given. */
    public PageOf<Change> page(
            OrgScope scope, @Nullable String status, @Nullable String enterpriseId, int page, int size) {
        OrgScope.Condition cond = scope.where("org_path", null);
        String where = " where " + cond.sql() + (status == null || status.isBlank() ? "" : " and status = :st")
                + (enterpriseId == null || enterpriseId.isBlank() ? "" : " and enterprise_id = :ent");
        Map<String, Object> params = new LinkedHashMap<>(cond.params());
        if (status != null && !status.isBlank()) {
            params.put("st", status);
        }
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            params.put("ent", enterpriseId.trim());
        }
        long total = db.sql("select count(*) from dc_change" + where)
                .params(params)
                .query(Long.class)
                .single();
        PageOf<Change> shape = new PageOf<>(List.of(), page, size, total);
        List<Change> items = db.sql(SELECT + where + " order by change_id desc limit :l offset :o")
                .params(params)
                .param("l", size)
                .param("o", shape.offset())
                .query(OnboardingChanges::change)
                .list();
        return new PageOf<>(items, page, size, total);
    }

    private static Change change(ResultSet rs, int i) throws SQLException {
        OnboardingChange change = Onboarding.Kind.valueOf(rs.getString(2)).stored(read(rs.getString(3)));
        return new Change(
                rs.getLong(1),
                change,
                rs.getBoolean(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class),
                ChangeText.read(rs.getString(10)).orElse(null));
    }

    static String write(Map<String, String> fields) {
        Properties props = new Properties();
        props.putAll(fields);
        StringWriter w = new StringWriter();
        try {
            props.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // drop the date comment line so that equal payloads are equal text
        String text = String.join(
                "\n",
                w.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList());
        if (text.length() > 8000) {
            throw new Rejected("payload", "dc.rejected.tooLong");
        }
        return text;
    }

    static Map<String, String> read(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        props.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) : s;
    }
}
