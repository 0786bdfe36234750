-- PostgreSQL only (db/vendor/postgresql): a counter redemption at an alliance merchant in one statement. Called on
-- its own it is its own transaction, so that a redemption costs the database one round trip and the commit instead
-- of about fifteen statements, and the customer's account row is released by the commit without waiting for the
-- application (docs/benchmarks.md). It does exactly what Redemptions, JdbcPartners and JdbcPointsLedger do
-- statement by statement on any database, in the same order:
--   0. a customer in a household (its one-time code still valid) may pool its household's points, which only the
--      portable path does: HOUSEHOLD, nothing written (the caller redeems statement by statement);
--   1. records the request's nonce (when given): taken already -> REPLAYED_NONCE, nothing written;
--   2. claims the partner's order id with the order row: taken already -> EARLIER with the stored request digest
--      and answer (the caller answers the replay, or refuses another request under the same id), nothing else
--      written;
--   3. uses the card's one-time code (unused, not expired), which names the customer: none -> CODE_INVALID, the
--      order answered with p_code_refusal;
--   4. locks the customer's and the merchant's account rows in account-number order, checks them and the
--      customer's available points; refused -> INSUFFICIENT_POINTS, the order answered with p_points_refusal;
--   5. appends the posted transfer (code REDEEM), moves both balances, consumes the customer's lots first-in
--      first-out (earliest expiry first, then the oldest) recording each lot's use, and answers the order with
--      p_redeemed_answer: REDEEMED.
-- The answers are written by the caller (as Redemptions.store words them); the order's answer is stored in the
-- transaction of its posting. Lock order as everywhere: the new nonce and order rows, the code row, the account
-- rows in account-number order, then the customer's lots (under its account's lock).
create function pt_redeem(
    p_partner_id varchar, p_nonce varchar, p_seen_at timestamp with time zone,
    p_order_id varchar, p_request_digest varchar, p_points bigint,
    p_card_no varchar, p_code_hash varchar, p_used_by varchar,
    p_merchant_account varchar, p_transfer_id varchar, p_business_date date, p_now timestamp with time zone,
    p_redeemed_answer varchar, p_code_refusal varchar, p_points_refusal varchar,
    out outcome varchar, out customer varchar, out stored_digest varchar, out answer varchar)
language plpgsql as $$
declare
    v_account varchar;
    v_household boolean;
    v_debit_found boolean := false;
    v_credit_found boolean := false;
    v_credit_customer boolean := false;
    v_no_overdraft boolean;
    v_debits bigint;
    v_credits bigint;
    v_row record;
    v_left bigint := p_points;
    v_take bigint;
begin
    select exists (select 1 from pt_household_member m where m.cust_id = c.cust_id)
      into v_household
      from pt_code c
     where c.card_no = p_card_no and c.code_hash = p_code_hash and c.used_by is null and c.expires_at > p_now;
    if v_household then
        outcome := 'HOUSEHOLD';
        return;
    end if;

    if p_nonce is not null then
        insert into pt_nonce (partner_id, nonce, seen_at) values (p_partner_id, p_nonce, p_seen_at)
        on conflict do nothing;
        if not found then
            outcome := 'REPLAYED_NONCE';
            return;
        end if;
    end if;

    -- as JdbcPartners.claim: a twin request with the same id waits here until the first commits, then finds it
    insert into pt_order (partner_id, order_id, request_digest, points, status, answer, created_at, updated_at)
    values (p_partner_id, p_order_id, p_request_digest, p_points, 'REFUSED', '{}', p_now, p_now)
    on conflict do nothing;
    if not found then
        select o.cust_id, o.request_digest, o.answer into customer, stored_digest, answer
          from pt_order o where o.partner_id = p_partner_id and o.order_id = p_order_id for update;
        if not found then
            raise exception 'order % of % neither inserted nor found', p_order_id, p_partner_id;
        end if;
        outcome := 'EARLIER';
        return;
    end if;

    -- as JdbcPartners.useCode: a code used concurrently is found used once its user commits
    update pt_code c set used_by = p_used_by
     where c.card_no = p_card_no and c.code_hash = p_code_hash and c.used_by is null and c.expires_at > p_now
    returning c.cust_id into customer;
    if not found then
        update pt_order set status = 'REFUSED', answer = p_code_refusal, updated_at = p_now
         where partner_id = p_partner_id and order_id = p_order_id;
        outcome := 'CODE_INVALID';
        answer := p_code_refusal;
        return;
    end if;

    -- the ledger, as JdbcPointsLedger.transfer of a posted transfer from the customer to the merchant
    v_account := 'C-' || customer;
    for v_row in select a.account_no, a.kind, a.no_overdraft, a.debits_pending + a.debits_posted as debits,
                        a.credits_posted
                   from pt_account a where a.account_no in (v_account, p_merchant_account)
                  order by a.account_no for update loop
        if v_row.account_no = v_account then
            v_debit_found := true;
            v_no_overdraft := v_row.no_overdraft;
            v_debits := v_row.debits;
            v_credits := v_row.credits_posted;
        else
            v_credit_found := true;
            v_credit_customer := v_row.kind = 'CUSTOMER';
        end if;
    end loop;
    if p_points <= 0 or v_account = p_merchant_account or not v_debit_found or not v_credit_found
            or v_credit_customer or (v_no_overdraft and v_debits + p_points > v_credits) then
        update pt_order set cust_id = customer, status = 'REFUSED', answer = p_points_refusal,
               updated_at = p_now
         where partner_id = p_partner_id and order_id = p_order_id;
        outcome := 'INSUFFICIENT_POINTS';
        answer := p_points_refusal;
        return;
    end if;
    -- the transfer id is the order's (claimed above), so it cannot be taken
    insert into pt_transfer (transfer_id, debit_account, credit_account, points, kind, pending_id, reversal_of,
                             timeout_at, expires_on, code, reference, business_date, created_at)
    values (p_transfer_id, v_account, p_merchant_account, p_points, 'POSTED', null, null, null, null, 'REDEEM',
            p_order_id, p_business_date, p_now);
    update pt_account set debits_posted = debits_posted + case when account_no = v_account then p_points else 0 end,
           credits_posted = credits_posted + case when account_no = p_merchant_account then p_points else 0 end
     where account_no in (v_account, p_merchant_account);
    for v_row in select l.lot_id, l.remaining from pt_lot l
                  where l.account_no = v_account and l.remaining > 0 order by l.expires_on, l.seq loop
        v_take := least(v_left, v_row.remaining);
        update pt_lot set remaining = remaining - v_take where lot_id = v_row.lot_id;
        insert into pt_lot_use (transfer_id, lot_id, points) values (p_transfer_id, v_row.lot_id, v_take);
        v_left := v_left - v_take;
        exit when v_left = 0;
    end loop;
    if v_left > 0 then
        raise exception 'the lots of % lack % points of its balance', v_account, v_left;
    end if;
    update pt_order set cust_id = customer, status = 'REDEEMED', transfer_id = p_transfer_id,
           answer = p_redeemed_answer, updated_at = p_now
     where partner_id = p_partner_id and order_id = p_order_id;
    outcome := 'REDEEMED';
    answer := p_redeemed_answer;
end
$$;
