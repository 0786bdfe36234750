package org.ruralbank.directconnect.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads enterprises, their grants, keys and webhooks (they change only through approved onboarding changes).
 *
 * <p>What every signed request and every payment needs — the signing key, the enterprise's status, limits and
 * grants, the creditor account's kind, whether a webhook watches an account — is kept in memory rather than read
 * for each request. An approved change drops all of it once its transaction commits ({@link #changing()}); a
 * change approved in another process (the {@code ruralbank directconnect} command line) is seen after at most
 * {@link #CACHED_FOR}. Absent keys, enterprises and accounts are not kept, so unknown ids cannot fill the memory.
 */
@Component
public class Directory {

    /** How long a cached entry may be used without reading the database again. */
    static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final JdbcClient db;
    private final Clock clock;
    /** Bumped after every committed change; an entry read under an earlier generation is not used. */
    private final AtomicLong generation = new AtomicLong();

    private final Cached<String, PartnerKey> activeKeys = new Cached<>();
    private final Cached<String, PaymentRules> paymentRules = new Cached<>();
    private final Cached<String, String> accountKinds = new Cached<>();
    private final Cached<String, Set<String>> watched = new Cached<>();

    Directory(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Enterprise(
            String enterpriseId,
            String name,
            String kind,
            String orgId,
            String orgPath,
            String status,
            long perTxnLimitFen,
            long dailyLimitFen,
            long perTxnCeilingFen,
            long dailyCeilingFen) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record Grant(
            String enterpriseId,
            String accountNo,
            String accountName,
            String ownerEnterpriseId,
            boolean canView,
            boolean canPay,
            boolean canSweep,
            Long perTxnLimitFen,
            Long dailyLimitFen) {}

    public record PartnerKey(
            String keyId,
            String enterpriseId,
            String operatorName,
            String algorithm,
            String publicKey,
            String status) {}

    public Optional<Enterprise> enterprise(String enterpriseId) {
        return db.sql("""
                select enterprise_id, name, kind, org_id, org_path, status, per_txn_limit_fen, daily_limit_fen,
                       per_txn_ceiling_fen, daily_ceiling_fen from dc_enterprise where enterprise_id = :id
                """)
                .param("id", enterpriseId)
                .query(Directory::enterprise)
                .optional();
    }

    public Optional<Grant> grant(String enterpriseId, String accountNo) {
        return db.sql(GRANTS + " where g.enterprise_id = :e and g.account_no = :a")
                .param("e", enterpriseId)
                .param("a", accountNo)
                .query(Directory::grant)
                .optional();
    }

    public List<Grant> grants(String enterpriseId) {
        return db.sql(GRANTS + " where g.enterprise_id = :e order by g.account_no")
                .param("e", enterpriseId)
                .query(Directory::grant)
                .list();
    }

    public Optional<PartnerKey> key(String keyId) {
        return db.sql("select key_id, enterprise_id, operator_name, algorithm, public_key, status from dc_key "
                        + "where key_id = :k")
                .param("k", keyId)
                .query((rs, i) -> new PartnerKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    /** An active key whose enterprise is active too (the only keys that may sign requests). */
    public Optional<PartnerKey> activeKeyOfActiveEnterprise(String keyId) {
        return Optional.ofNullable(activeKeys.get(
                keyId,
                k -> db.sql("select k.key_id, k.enterprise_id, "
                                + "k.operator_name, k.algorithm, k.public_key, k.status "
                                + "from dc_key k join dc_enterprise e on e.enterprise_id = k.enterprise_id "
                                + "where k.key_id = :k and k.status = 'ACTIVE' and e.status = 'ACTIVE'")
                        .param("k", k)
                        .query((rs, i) -> new PartnerKey(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)))
                        .optional()
                        .orElse(null)));
    }

    /** What the payment rules need to know about an enterprise: its status, limits and grants by account. */
    public record PaymentRules(Enterprise enterprise, Map<String, Grant> grants) {}

    public Optional<PaymentRules> paymentRules(String enterpriseId) {
        return Optional.ofNullable(paymentRules.get(
                enterpriseId,
                e -> enterprise(e)
                        .map(ent -> new PaymentRules(
                                ent,
                                grants(e).stream().collect(Collectors.toUnmodifiableMap(Grant::accountNo, g -> g))))
                        .orElse(null)));
    }

    /** The kind of a ledger account (CUSTOMER, QUOTA, OPENING, CLEARING); accounts never change kind. */
    public Optional<String> accountKind(String accountNo) {
        return Optional.ofNullable(accountKinds.get(
                accountNo,
                a -> db.sql("select kind from dc_account " + "where account_no = :a")
                        .param("a", a)
                        .query(String.class)
                        .optional()
                        .orElse(null)));
    }

    /** Whether an enterprise with a webhook may view the account (its entries are to be notified). */
    public boolean watched(String accountNo) {
        return watched.get(
                        "",
                        k -> Set.copyOf(db.sql("select distinct g.account_no from dc_grant g "
                                        + "join dc_webhook w on w.enterprise_id = g.enterprise_id where g.can_view")
                                .query(String.class)
                                .list()))
                .contains(accountNo);
    }

    /**
     * To be called by a transaction that has changed enterprises, grants, keys or webhooks: once it commits, every
     * cached entry is dropped (dropping them earlier would let a concurrent reader cache what is about to change).
     */
    public void changing() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    /** Values by key, each used while its generation is current and for at most {@link #CACHED_FOR}. */
    private final class Cached<K, V> {
        private record Entry<V>(V value, long generation, Instant expires) {}

        private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

        /** The cached value, else {@code load}'s, which is kept unless null. */
        V get(K key, Function<K, V> load) {
            Instant now = clock.instant();
            Entry<V> e = entries.get(key);
            if (e != null && e.generation() == generation.get() && now.isBefore(e.expires())) {
                return e.value();
            }
            // the generation is read before the database: a change committing meanwhile makes this entry stale
            long readUnder = generation.get();
            V value = load.apply(key);
            if (value != null) {
                entries.put(key, new Entry<>(value, readUnder, now.plus(CACHED_FOR)));
            }
            return value;
        }
    }

    public List<PartnerKey> keys(String enterpriseId) {
        return db.sql("select key_id, enterprise_id, operator_name, algorithm, public_key, status from dc_key "
                        + "where enterprise_id = :e order by key_id")
                .param("e", enterpriseId)
                .query((rs, i) -> new PartnerKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private static final String GRANTS = """
            select g.enterprise_id, g.account_no, a.account_name, a.enterprise_id as owner, g.can_view, g.can_pay,
                   g.can_sweep, g.per_txn_limit_fen, g.daily_limit_fen
              from dc_grant g join dc_account a on a.account_no = g.account_no
            """;

    private static Enterprise enterprise(ResultSet rs, int i) throws SQLException {
        return new Enterprise(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10));
    }

    private static Grant grant(ResultSet rs, int i) throws SQLException {
        return new Grant(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getBoolean(6),
                rs.getBoolean(7),
                (Long) rs.getObject(8, Long.class),
                (Long) rs.getObject(9, Long.class));
    }
}
