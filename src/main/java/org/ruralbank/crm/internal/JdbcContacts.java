package org.ruralbank.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.Contacts.Channel;
import org.ruralbank.crm.Contacts.Contact;
import org.ruralbank.crm.Contacts.Outcome;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact log in the operational store ({@code crm_contact}); public because {@code Contacts} uses it. */
@Repository
public class JdbcContacts {

    private final JdbcClient db;

    JdbcContacts(JdbcClient db) {
        this.db = db;
    }

    public Optional<Contact> byKey(String entryKey) {
        return db.sql("select * from crm_contact where entry_key = :key")
                .param("key", entryKey)
                .query(JdbcContacts::contact)
                .optional();
    }

    /** Inserts a contact; a second insert of the same entry key conflicts (its unique key). */
    public Contact insert(
            String entryKey,
            String custId,
            String orgPath,
            LocalDate date,
            Channel channel,
            Outcome outcome,
            @Nullable String note,
            String staff,
            OffsetDateTime at) {
        db.sql("insert into crm_contact (entry_key, cust_id, org_path, contact_date, channel, outcome, note, staff, "
                        + "logged_at) values (:key, :cust, :path, :date, :channel, :outcome, :note, :staff, :at)")
                .param("key", entryKey)
                .param("cust", custId)
                .param("path", orgPath)
                .param("date", date)
                .param("channel", channel.name())
                .param("outcome", outcome.name())
                .param("note", note)
                .param("staff", staff)
                .param("at", at)
                .update();
        return byKey(entryKey).orElseThrow();
    }

    public List<Contact> of(String custId, OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select * from crm_contact where cust_id = :cust and " + c.sql()
                        + " order by contact_date desc, contact_id desc")
                .param("cust", custId)
                .params(c.params())
                .query(JdbcContacts::contact)
                .list();
    }

    private static Contact contact(ResultSet rs, int n) throws SQLException {
        return new Contact(
                rs.getLong("contact_id"),
                rs.getString("entry_key"),
                rs.getString("cust_id"),
                rs.getObject("contact_date", LocalDate.class),
                Channel.valueOf(rs.getString("channel")),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("note"),
                rs.getString("staff"),
                rs.getObject("logged_at", OffsetDateTime.class));
    }
}
