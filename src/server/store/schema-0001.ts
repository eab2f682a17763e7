/**
 * Migration 1: the money tables. Invariants live here as constraints, so no code path (and no second
 * BFF instance) can break them: one live hold per voucher, one non-failed redemption per hold, refunds
 * within the redemption, one idempotency record per (account, key), an append-only journal, and no
 * voucher secret kept once a hold has ended. Codes are never stored: holds carry an HMAC of the
 * normalized code (for the uniqueness rule) and the masked form (for display).
 */
export const schema0001 = /* sql */ `
CREATE TABLE holds (
  id               text PRIMARY KEY,
  account_id       text NOT NULL,
  terminal_id      text NOT NULL,
  voucher_hmac     text NOT NULL,
  masked_code      text NOT NULL,
  state            text NOT NULL CONSTRAINT holds_state_check
                   CHECK (state IN ('pending', 'active', 'redeeming', 'redeemed', 'released', 'expired', 'failed')),
  amount_minor     bigint NOT NULL CHECK (amount_minor > 0),
  currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  kept_by          text NOT NULL CHECK (kept_by IN ('provider', 'service')),
  reservation_id   text,
  voucher_ref      text,
  balance_minor    bigint,
  balance_currency text,
  expires_at       timestamptz NOT NULL,
  secrets          bytea,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  ended_at         timestamptz,
  CONSTRAINT holds_secrets_only_while_live CHECK (secrets IS NULL OR state IN ('pending', 'active', 'redeeming'))
);
CREATE UNIQUE INDEX holds_one_live_per_voucher ON holds (account_id, voucher_hmac)
  WHERE state IN ('pending', 'active', 'redeeming');
CREATE INDEX holds_sweep ON holds (expires_at) WHERE state IN ('pending', 'active');

CREATE TABLE redemptions (
  id                 text PRIMARY KEY,
  hold_id            text NOT NULL REFERENCES holds (id),
  account_id         text NOT NULL,
  terminal_id        text NOT NULL,
  state              text NOT NULL CHECK (state IN ('pending', 'committed', 'failed')),
  amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
  currency           text NOT NULL,
  order_ref          text NOT NULL,
  idempotency_key    text,
  upstream_id        text,
  remaining_minor    bigint,
  remaining_currency text,
  refunded_minor     bigint NOT NULL DEFAULT 0,
  error_code         text,
  in_flight_until    timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CONSTRAINT redemptions_refunds_within_amount CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
  CONSTRAINT redemptions_committed_has_upstream CHECK (state <> 'committed' OR upstream_id IS NOT NULL)
);
CREATE UNIQUE INDEX redemptions_one_per_hold ON redemptions (hold_id) WHERE state <> 'failed';
CREATE INDEX redemptions_pending ON redemptions (created_at) WHERE state = 'pending';

CREATE TABLE refunds (
  id            text PRIMARY KEY,
  redemption_id text NOT NULL REFERENCES redemptions (id),
  account_id    text NOT NULL,
  terminal_id   text NOT NULL,
  state         text NOT NULL CHECK (state IN ('pending', 'committed', 'failed')),
  amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
  currency      text NOT NULL,
  upstream_id   text,
  error_code    text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX refunds_by_redemption ON refunds (redemption_id);

CREATE TABLE issued_vouchers (
  id              text PRIMARY KEY,
  account_id      text NOT NULL,
  terminal_id     text NOT NULL,
  voucher_hmac    text NOT NULL,
  masked_code     text NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        text NOT NULL,
  valid_until     timestamptz,
  status          text NOT NULL,
  idempotency_key text,
  created_at      timestamptz NOT NULL
);

CREATE TABLE idempotency_keys (
  account_id   text NOT NULL,
  key          text NOT NULL,
  route        text NOT NULL,
  fingerprint  text NOT NULL,
  state        text NOT NULL CHECK (state IN ('running', 'done')),
  locked_until timestamptz,
  resource_id  text,
  status       integer,
  is_error     boolean NOT NULL DEFAULT false,
  body         jsonb,
  sealed_body  bytea,
  created_at   timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (account_id, key),
  CONSTRAINT idempotency_done_has_outcome
    CHECK (state <> 'done' OR (status IS NOT NULL AND (body IS NOT NULL OR sealed_body IS NOT NULL)))
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE failed_attempts (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id text NOT NULL,
  scope      text NOT NULL CHECK (scope IN ('voucher', 'terminal')),
  subject    text NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX failed_attempts_lookup ON failed_attempts (account_id, scope, subject, at);

CREATE TABLE journal (
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL,
  account_id    text NOT NULL,
  terminal_id   text,
  event         text NOT NULL CHECK (event IN (
                  'hold_created', 'hold_extended', 'hold_released', 'hold_expired',
                  'redemption_pending', 'redemption_committed', 'redemption_failed',
                  'refund_pending', 'refund_committed', 'refund_failed', 'voucher_issued')),
  hold_id       text,
  redemption_id text,
  refund_id     text,
  issued_id     text,
  amount_minor  bigint,
  currency      text,
  detail        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX journal_by_hold ON journal (hold_id) WHERE hold_id IS NOT NULL;

CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
`;
