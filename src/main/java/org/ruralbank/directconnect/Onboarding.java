package org.ruralbank.directconnect;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.internal.Directory;
import org.ruralbank.directconnect.internal.OnboardingChanges;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboarding with maker-checker: every change to an enterprise, its accounts, grants, keys, limits, webhook and
 * pools ({@link OnboardingChange}) is first proposed by one staff user and applies only when a second one approves
 * it. A limit above the branch default needs a checker of the head office; nothing goes above the head office's
 * ceiling. Proposals are kept by {@link OnboardingChanges}; changes apply to the {@link OnboardingBooks}.
 */
@Service
public class Onboarding {

    /** The head office's ceiling per enterprise: 2,000万 per transaction, 5,000万 per day (in fen). */
    public static final long CEILING_PER_TXN_FEN = 20_000_000_00L;

    public static final long CEILING_DAILY_FEN = 50_000_000_00L;
    /** The branch default: 200万 per transaction, 500万 per day (in fen). */
    public static final long DEFAULT_PER_TXN_FEN = 2_000_000_00L;

    public static final long DEFAULT_DAILY_FEN = 5_000_000_00L;

    /** Roles that may propose and approve onboarding changes. */
    static final List<Role> ONBOARDING_ROLES = List.of(Role.ADMIN, Role.EBANK, Role.BRANCH_HEAD);

    /** The kinds of change, by the name the page's form and the command line give them. */
    public enum Kind {
        ENTERPRISE(OnboardingChange.Enterprise.class, OnboardingChange.Enterprise::from),
        ACCOUNT(OnboardingChange.Account.class, OnboardingChange.Account::from),
        GRANT(OnboardingChange.Grant.class, OnboardingChange.Grant::from),
        KEY(OnboardingChange.Key.class, OnboardingChange.Key::from),
        REVOKE_KEY(OnboardingChange.RevokeKey.class, OnboardingChange.RevokeKey::from),
        LIMIT(OnboardingChange.Limits.class, OnboardingChange.Limits::from),
        WEBHOOK(OnboardingChange.Webhook.class, OnboardingChange.Webhook::from),
        POOL(OnboardingChange.Pool.class, OnboardingChange.Pool::from),
        STATUS(OnboardingChange.Status.class, OnboardingChange.Status::from);

        private final Class<? extends OnboardingChange> type;
        private final Function<ChangeFields, OnboardingChange> reader;

        Kind(Class<? extends OnboardingChange> type, Function<ChangeFields, OnboardingChange> reader) {
            this.type = type;
            this.reader = reader;
        }

        static Kind of(OnboardingChange change) {
            for (Kind k : values()) {
                if (k.type == change.getClass()) {
                    return k;
                }
            }
            throw new IllegalStateException("no kind for " + change.getClass());
        }

        /**
         * The change of this kind that name=value fields describe (blank values count as absent); a {@link Rejected}
         * naming the field when one is missing or wrong.
         */
        public OnboardingChange change(Map<String, String> fields) {
            return reader.apply(new ChangeFields(fields, true));
        }

        /** The change a stored proposal holds, read back as it was stored (its widths unchecked). */
        public OnboardingChange stored(Map<String, String> fields) {
            return reader.apply(new ChangeFields(fields, false));
        }
    }

    /**
     * A proposed change and what became of it: {@code PENDING}, {@code APPROVED} or {@code REJECTED}. Its summary
     * and outcome are texts to be written in the reader's language ({@link Onboarding#text}).
     */
    public record Change(
            long changeId,
            OnboardingChange change,
            boolean needsHeadOffice,
            String status,
            String maker,
            OffsetDateTime madeAt,
            @Nullable String checker,
            @Nullable OffsetDateTime checkedAt,
            @Nullable ChangeText outcome) {

        /** The change's summary, written from its kind and fields. */
        public ChangeText summary() {
            return change.summary();
        }

        public String enterpriseId() {
            return change.enterpriseId();
        }

        public Kind kind() {
            return change.kind();
        }
    }

    private final OnboardingChanges proposals;
    private final OnboardingBooks books;
    private final Orgs orgs;
    private final AuditLog audit;
    private final Directory directory;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final MessageSource messages;

    Onboarding(
            OnboardingChanges proposals,
            OnboardingBooks books,
            Orgs orgs,
            AuditLog audit,
            Directory directory,
            Clock clock,
            PlatformTransactionManager transactions,
            MessageSource messages) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.messages = messages;
        this.proposals = proposals;
        this.books = books;
        this.orgs = orgs;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Proposes a change within the maker's scope; checks against the books what can be checked now, so the checker
     * sees only well-formed requests.
     */
    @Transactional
    public long propose(OnboardingChange change, StaffPrincipal maker) {
        requireRole(maker, "maker");
        String orgPath;
        OnboardingChange checked;
        if (change instanceof OnboardingChange.Enterprise e) {
            checked = e.checkedAgainst(books);
            orgPath = orgs.find(e.orgId(), maker.scope())
                    .filter(Org::open)
                    .orElseThrow(() -> new Rejected("orgId", "dc.rejected.noOrg", e.orgId()))
                    .path();
        } else {
            orgPath = books.enterprisePath(change.enterpriseId())
                    .filter(path -> maker.scope().covers(path))
                    .orElseThrow(() -> new NotFound("enterprise", change.enterpriseId()));
            checked = change.checkedAgainst(books);
        }
        long id = proposals.insert(checked, orgPath, maker.username(), OffsetDateTime.now(clock));
        audit.recordAs(
                maker.username(),
                maker.orgPath(),
                "dc.change.propose",
                AuditLog.Outcome.OK,
                "dcChange",
                String.valueOf(id),
                null,
                describe(proposals.find(id, OrgScope.everything()).orElseThrow()));
        return id;
    }

    /**
     * Approves and applies a change: the checker must be another person, of the head office where required. A change
     * that cannot be applied (a field its column cannot hold, an account opened meanwhile, anything the store
     * refuses) is rejected with its reason instead, so that no change stays pending because applying it fails; what
     * it had applied before failing is undone (a savepoint).
     */
    @Transactional
    public Change approve(long changeId, StaffPrincipal checker) {
        Change c = pending(changeId, checker);
        if (c.maker().equals(checker.username())) {
            throw new Rejected("checker", "dc.rejected.sameChecker");
        }
        if (c.needsHeadOffice()
                && orgs.find(checker.orgId())
                        .map(o -> o.level() != Org.HEAD_OFFICE)
                        .orElse(true)) {
            throw new Rejected("checker", "dc.rejected.needsHeadOffice");
        }
        ChangeText outcome;
        try {
            outcome = Objects.requireNonNull(
                    savepoint.execute(tx -> c.kind().change(c.change().fields()).applyTo(books)));
        } catch (Rejected r) {
            return decide(c, "REJECTED", reason(r), checker, "dc.change.reject");
        } catch (DataAccessException e) {
            return decide(
                    c,
                    "REJECTED",
                    reason(new Rejected("change", "dc.rejected.unapplicable")),
                    checker,
                    "dc.change.reject");
        }
        directory.changing();
        return decide(c, "APPROVED", outcome, checker, "dc.change.approve");
    }

    @Transactional
    public void reject(long changeId, @Nullable String reason, StaffPrincipal checker) {
        decide(
                pending(changeId, checker),
                "REJECTED",
                ChangeText.verbatim(reason == null ? "" : reason),
                checker,
                "dc.change.reject");
    }

    public Optional<Change> find(long changeId, OrgScope scope) {
        return proposals.find(changeId, scope);
    }

    /** Changes within the scope, newest first; {@code status} and {@code enterpriseId} filter when given. */
    public PageOf<Change> changes(
            OrgScope scope, @Nullable String status, @Nullable String enterpriseId, int page, int size) {
        return proposals.page(scope, status, enterpriseId, page, size);
    }

    private Change pending(long changeId, StaffPrincipal checker) {
        requireRole(checker, "checker");
        Change c = find(changeId, checker.scope()).orElseThrow(() -> new NotFound("dcChange", "" + changeId));
        if (!"PENDING".equals(c.status())) {
            throw new Rejected("changeId", "dc.rejected.notPending");
        }
        return c;
    }

    private Change decide(Change c, String status, ChangeText outcome, StaffPrincipal checker, String action) {
        proposals.decide(c.changeId(), status, checker.username(), OffsetDateTime.now(clock), outcome);
        Change after = proposals.find(c.changeId(), OrgScope.everything()).orElseThrow();
        audit.recordAs(
                checker.username(),
                checker.orgPath(),
                action,
                AuditLog.Outcome.OK,
                "dcChange",
                String.valueOf(c.changeId()),
                describe(c),
                describe(after));
        return after;
    }

    /** The reason of a refusal, kept as the change's outcome: written in each reader's language. */
    private static ChangeText reason(Rejected r) {
        return ChangeText.of("dc.change.unapplicable", ChangeText.of(r.code(), r.args()));
    }

    /**
     * A change's summary or outcome in {@code locale}; in the bank's language (Chinese) when {@code locale} is null.
     */
    public String text(@Nullable ChangeText text, @Nullable Locale locale) {
        return text == null ? "" : text.in(messages, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
    }

    /** A change's summary or outcome as HTML in the language of the page being written. */
    public String html(@Nullable ChangeText text) {
        return html(text, LocaleContextHolder.getLocale());
    }

    /** As {@link #text}, as HTML whose data (ids, names, addresses, a typed reason) is marked untranslatable. */
    public String html(@Nullable ChangeText text, @Nullable Locale locale) {
        return text == null ? "" : text.html(messages, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
    }

    private static void requireRole(StaffPrincipal staff, String what) {
        if (ONBOARDING_ROLES.stream().noneMatch(staff::has)) {
            throw new Rejected(what, "dc.rejected.role");
        }
    }

    /** What the audit trail keeps of a change: its texts in the bank's language. */
    private Map<String, Object> describe(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", c.enterpriseId());
        m.put("kind", c.kind().name());
        m.put("summary", text(c.summary(), null));
        m.put("status", c.status());
        m.put("maker", c.maker());
        m.put("checker", c.checker());
        return m;
    }
}
