package org.ruralbank.crm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.internal.JdbcContacts;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer managers' contact log: a visit, call, WeChat message or SMS with a customer, and its outcome.
 *
 * <p>Guarantees: a contact is logged only for a customer within the caller's scope (else {@code NotFound}); the form's
 * entry key is unique in the store, so a form sent twice logs one contact (the replay answers with the contact
 * already logged) and a key reused with other content is refused; the contact and its audit entry are written in one
 * transaction; contacts are never edited or removed.
 */
@Service
public class Contacts {

    public enum Channel {
        VISIT,
        PHONE,
        WECHAT,
        SMS
    }

    public enum Outcome {
        REACHED,
        NOT_REACHED,
        INTERESTED,
        SIGNED_UP,
        DECLINED
    }

    /** One contact as logged. */
    public record Contact(
            long contactId,
            String entryKey,
            String custId,
            LocalDate contactDate,
            Channel channel,
            Outcome outcome,
            @Nullable String note,
            String staff,
            OffsetDateTime loggedAt) {}

    /** What {@link #log} did: logged the contact now, or found it logged by an earlier sending of the same form. */
    public record Logged(Contact contact, boolean replayed) {}

    public static final int MAX_NOTE = 500;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,40}");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcContacts store;
    private final Customers customers;
    private final AuditLog audit;
    private final Clock clock;

    public Contacts(JdbcContacts store, Customers customers, AuditLog audit, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Logs a contact with {@code custId} by {@code staff}.
     *
     * @throws Rejected naming the field: {@code entryKey} missing, malformed or used for another contact;
     *     {@code channel} or {@code outcome} not one of theirs; {@code contactDate} missing or after today;
     *     {@code note} longer than {@link #MAX_NOTE}
     * @throws org.ruralbank.platform.NotFound the customer does not exist or lies outside the staff's scope
     */
    @Transactional
    public Logged log(
            String custId,
            @Nullable String entryKey,
            @Nullable String contactDate,
            @Nullable String channel,
            @Nullable String outcome,
            @Nullable String note,
            StaffPrincipal staff) {
        if (entryKey == null || !KEY.matcher(entryKey).matches()) {
            throw new Rejected("entryKey", "crm.contact.entryKey");
        }
        Channel c = value(Channel.class, channel, "channel");
        Outcome o = value(Outcome.class, outcome, "outcome");
        LocalDate d;
        try {
            d = LocalDate.parse(contactDate == null ? "" : contactDate.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Rejected("contactDate", "crm.contact.date");
        }
        if (d.isAfter(LocalDate.now(clock.withZone(BEIJING)))) {
            throw new Rejected("contactDate", "crm.contact.future");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.codePointCount(0, n.length()) > MAX_NOTE) {
            throw new Rejected("note", "crm.contact.noteTooLong", MAX_NOTE);
        }
        String orgPath = customers.orgPathOf(custId, staff.scope());
        Optional<Contact> earlier = store.byKey(entryKey);
        if (earlier.isPresent()) {
            Contact e = earlier.get();
            if (!e.custId().equals(custId)
                    || !e.contactDate().equals(d)
                    || e.channel() != c
                    || e.outcome() != o
                    || !java.util.Objects.equals(e.note(), n)) {
                throw new Rejected("entryKey", "crm.contact.entryKeyUsed");
            }
            return new Logged(e, true);
        }
        Contact logged =
                store.insert(entryKey, custId, orgPath, d, c, o, n, staff.username(), OffsetDateTime.now(clock));
        java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("date", d.toString());
        after.put("channel", c.name());
        after.put("outcome", o.name());
        if (n != null) {
            after.put("note", n);
        }
        audit.record("crm.contact.log", "customer", custId, Map.of(), after);
        return new Logged(logged, false);
    }

    /** The contacts with a customer within {@code scope}, newest first. */
    public List<Contact> of(String custId, OrgScope scope) {
        return store.of(custId, scope);
    }

    private static <E extends Enum<E>> E value(Class<E> type, @Nullable String text, String field) {
        try {
            return Enum.valueOf(type, text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected(field, "crm.contact.unknown." + field);
        }
    }
}
