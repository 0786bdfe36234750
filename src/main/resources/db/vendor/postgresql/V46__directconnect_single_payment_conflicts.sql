-- PostgreSQL only (db/vendor/postgresql): dc_pay (V16) with each insert's conflict named. A bare "on conflict do
-- nothing" first looks for the new row in every unique index of its table: an instruction in its id's and in the
-- enterprise's idempotency key's, a transfer in its id's, its pending transfer's and its sequence number's. Only one
-- of them can hold the row already: the idempotency key (a retry), the transfer id (posted before) and the nonce (a
-- replay); a clash in any other is a fault, and now fails the call instead of passing for a retry. Otherwise the
-- function does exactly what V16 describes.
create or replace function dc_pay(
    p_key_id varchar, p_nonce varchar, p_seen_at timestamp with time zone,
    p_enterprise_id varchar, p_org_path varchar, p_idem_key varchar, p_content_hash varchar, p_channel varchar,
    p_msg_id varchar, p_pmt_inf_id varchar, p_end_to_end_id varchar, p_debit_account varchar,
    p_credit_account varchar, p_creditor_name varchar, p_creditor_agent varchar, p_amount_text varchar,
    p_amount_fen bigint, p_currency varchar, p_inter_bank boolean, p_business_date date,
    p_received_at timestamp with time zone,
    -- the answer: status, reason, the history's actor and details; an executed payment's transfer id is the
    -- instruction's id after p_transfer_prefix, and its decided detail is p_decided_detail followed by it
    p_status varchar, p_reason_code varchar, p_reason_text varchar, p_transfer_prefix varchar,
    p_partner varchar, p_received_detail varchar, p_decided_actor varchar, p_decided_detail varchar,
    p_decided_at timestamp with time zone,
    -- the posting: limit keys in key order with their limits; the transfer (pending when p_timeout is given)
    p_limit_keys text[], p_limits_fen bigint[], p_ledger_credit varchar, p_kind varchar,
    p_timeout timestamp with time zone, p_code varchar, p_reference varchar,
    p_limit_refusals text[], p_funds_refusal varchar, p_core_refusal varchar,
    out outcome varchar, out instruction bigint, out transfer varchar, out answer_status varchar,
    out answer_code varchar, out answer_text varchar, out stored_hash varchar)
language plpgsql as $$
declare
    v_taken int := 0;
    v_debit_found boolean := false;
    v_credit_found boolean := false;
    v_no_overdraft boolean;
    v_debits bigint;
    v_credits bigint;
    v_row record;
    v_existing varchar;
    v_used bigint;
    v_refusal varchar;
begin
    if p_nonce is not null then
        insert into dc_nonce (key_id, nonce, seen_at) values (p_key_id, p_nonce, p_seen_at)
            on conflict (key_id, nonce) do nothing;
        if not found then
            outcome := 'REPLAYED_NONCE';
            return;
        end if;
    end if;

    instruction := nextval('dc_instruction_instruction_id_seq');
    if p_status <> 'RJCT' then
        transfer := p_transfer_prefix || instruction;
    end if;
    insert into dc_instruction (instruction_id, enterprise_id, org_path, idem_key, content_hash, channel, msg_id,
        pmt_inf_id, end_to_end_id, debit_account, credit_account, creditor_name, creditor_agent, amount_text,
        amount_fen, currency, inter_bank, business_date, status, reason_code, reason_text, transfer_id, created_at)
    values (instruction, p_enterprise_id, p_org_path, p_idem_key, p_content_hash, p_channel, p_msg_id,
        p_pmt_inf_id, p_end_to_end_id, p_debit_account, p_credit_account, p_creditor_name, p_creditor_agent,
        p_amount_text, p_amount_fen, p_currency, p_inter_bank, p_business_date, p_status, p_reason_code,
        p_reason_text, transfer, p_received_at)
    on conflict (enterprise_id, idem_key) do nothing;
    if not found then
        outcome := 'EARLIER';
        select i.instruction_id, i.transfer_id, i.status, i.reason_code, i.reason_text, i.content_hash
          into instruction, transfer, answer_status, answer_code, answer_text, stored_hash
          from dc_instruction i where i.enterprise_id = p_enterprise_id and i.idem_key = p_idem_key;
        if not found then
            raise exception 'instruction % neither inserted nor found', p_idem_key;
        end if;
        return;
    end if;
    answer_status := p_status;
    answer_code := p_reason_code;
    answer_text := p_reason_text;
    insert into dc_instruction_event (instruction_id, occurred_at, status, actor, detail)
    values (instruction, p_received_at, 'RCVD', p_partner, p_received_detail),
           (instruction, p_decided_at, p_status, p_decided_actor,
            left(p_decided_detail || coalesce(transfer, ''), 400));
    if p_status = 'RJCT' then
        outcome := 'REJECTED';
        return;
    end if;

    -- the daily limits, as Payments.take: add if within the limit; a missing row is created and tried once more
    for i in 1 .. coalesce(array_length(p_limit_keys, 1), 0) loop
        update dc_limit_usage set used_fen = used_fen + p_amount_fen
         where usage_key = p_limit_keys[i] and business_date = p_business_date
           and used_fen + p_amount_fen <= p_limits_fen[i];
        if not found then
            insert into dc_limit_usage (usage_key, business_date, used_fen)
            values (p_limit_keys[i], p_business_date, 0) on conflict do nothing;
            update dc_limit_usage set used_fen = used_fen + p_amount_fen
             where usage_key = p_limit_keys[i] and business_date = p_business_date
               and used_fen + p_amount_fen <= p_limits_fen[i];
        end if;
        if not found then
            update dc_limit_usage set used_fen = used_fen - p_amount_fen
             where usage_key = any (p_limit_keys[1:v_taken]) and business_date = p_business_date;
            select used_fen into v_used from dc_limit_usage
             where usage_key = p_limit_keys[i] and business_date = p_business_date;
            outcome := 'LIMIT';
            -- the amount in yuan with two decimals, as Money.yuanText writes it
            v_refusal := replace(p_limit_refusals[i], '{used}', (v_used / 100.0)::numeric(20, 2)::text);
        end if;
        exit when outcome is not null;
        v_taken := i;
    end loop;

    -- the ledger, as LedgerCoreBanking.transfer
    if outcome is not null then
        null;
    elsif p_amount_fen <= 0 then
        outcome := 'AMOUNT_MUST_BE_POSITIVE';
    elsif p_debit_account = p_ledger_credit then
        outcome := 'ACCOUNTS_MUST_BE_DIFFERENT';
    else
        for v_row in select account_no, no_overdraft, debits_pending + debits_posted as debits, credits_posted
                       from dc_account where account_no in (p_debit_account, p_ledger_credit)
                      order by account_no for update loop
            if v_row.account_no = p_debit_account then
                v_debit_found := true;
                v_no_overdraft := v_row.no_overdraft;
                v_debits := v_row.debits;
                v_credits := v_row.credits_posted;
            else
                v_credit_found := true;
            end if;
        end loop;
        outcome := case when not v_debit_found then 'DEBIT_ACCOUNT_NOT_FOUND'
                        when not v_credit_found then 'CREDIT_ACCOUNT_NOT_FOUND'
                        when v_no_overdraft and v_debits + p_amount_fen > v_credits then 'EXCEEDS_CREDITS' end;
        if outcome is null then
            insert into dc_transfer (transfer_id, debit_account, credit_account, amount_fen, kind, pending_id,
                                     timeout_at, code, reference, business_date, created_at)
            values (transfer, p_debit_account, p_ledger_credit, p_amount_fen, p_kind, null, p_timeout, p_code,
                    p_reference, p_business_date, p_decided_at)
            on conflict (transfer_id) do nothing;
            if found then
                if p_kind = 'PENDING' then
                    update dc_account set debits_pending = debits_pending
                               + case when account_no = p_debit_account then p_amount_fen else 0 end,
                           credits_pending = credits_pending
                               + case when account_no = p_ledger_credit then p_amount_fen else 0 end
                     where account_no in (p_debit_account, p_ledger_credit);
                else
                    update dc_account set debits_posted = debits_posted
                               + case when account_no = p_debit_account then p_amount_fen else 0 end,
                           credits_posted = credits_posted
                               + case when account_no = p_ledger_credit then p_amount_fen else 0 end
                     where account_no in (p_debit_account, p_ledger_credit);
                end if;
                outcome := 'OK';
                return;
            end if;
        end if;
        -- refused, or the transfer id taken: a transfer already there with this id answers first, as in the core
        select case when t.debit_account = p_debit_account and t.credit_account = p_ledger_credit
                          and t.amount_fen = p_amount_fen and t.kind = p_kind and t.pending_id is null
                          and t.code = p_code then 'EXISTS' else 'EXISTS_WITH_DIFFERENT_CONTENT' end
          into v_existing from dc_transfer t where t.transfer_id = transfer;
        if found then
            outcome := v_existing;
        elsif outcome is null then
            raise exception 'transfer % neither inserted nor found', transfer;
        end if;
        if outcome = 'EXISTS' then
            return;
        end if;
        update dc_limit_usage set used_fen = used_fen - p_amount_fen
         where usage_key = any (p_limit_keys[1:v_taken]) and business_date = p_business_date;
        v_refusal := case when outcome = 'EXCEEDS_CREDITS' then p_funds_refusal
                          else replace(p_core_refusal, '{outcome}', outcome) end;
    end if;

    -- refused after the answer was written as executed: the answer and its decided entry corrected, as
    -- Payments.refused does
    answer_status := 'RJCT';
    answer_code := left(v_refusal, 4);
    answer_text := left(substr(v_refusal, 6), 200);
    transfer := null;
    update dc_instruction set status = 'RJCT', reason_code = answer_code, reason_text = answer_text,
           transfer_id = null
     where instruction_id = instruction;
    update dc_instruction_event set status = 'RJCT', actor = 'rules', detail = left(v_refusal, 400)
     where instruction_id = instruction and status <> 'RCVD';
end
$$;
