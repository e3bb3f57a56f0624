// The store's schema as numbered migrations. A migration is never edited once released: changes
// are new entries at the end, applied in order by migrate.ts and recorded in `truc_schema_version`.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'systems, directory, packets, deliveries, journal',
    sql: `
CREATE TABLE systems (
  system_id  text PRIMARY KEY,
  secret     text NOT NULL,
  created    timestamptz NOT NULL
);

-- One row per directory record, keyed by its primary code; code102 is the other form it answers to.
CREATE TABLE agencies (
  code          text PRIMARY KEY,
  code102       text,
  id            text NOT NULL,
  pid           text,
  pcode         text,
  old_code      text,
  name          text NOT NULL,
  mail          text,
  mobile        text,
  fax           text,
  version       integer NOT NULL,
  deleted       boolean NOT NULL,
  modify_date   text,
  inferred      boolean,
  registered_by text
);
CREATE INDEX agencies_code102 ON agencies (code102);

CREATE TABLE packets (
  sender_id         text PRIMARY KEY,
  bytes             bytea NOT NULL,
  kind              text NOT NULL,
  message_type      text NOT NULL,
  service_type      text NOT NULL,
  caller            text NOT NULL,
  from_code         text,
  document_id       text,
  code_number       text,
  code_notation     text,
  promulgation_date text,
  subject           text,
  status_code       text,
  response_for      jsonb,
  sha256            text NOT NULL,
  injected          boolean NOT NULL,
  created           timestamptz NOT NULL
);
CREATE INDEX packets_document_id ON packets (document_id);
CREATE INDEX packets_code ON packets (from_code, code_number, code_notation);
CREATE INDEX packets_created ON packets (created, sender_id);

CREATE TABLE deliveries (
  receiver_id      text PRIMARY KEY,
  sender_id        text NOT NULL REFERENCES packets (sender_id),
  recipient_code   text NOT NULL,
  recipient_system text NOT NULL,
  from_code        text NOT NULL,
  message_type     text NOT NULL,
  service_type     text NOT NULL,
  state            text NOT NULL,
  status_desc      text NOT NULL,
  created          timestamptz NOT NULL,
  updated          timestamptz NOT NULL,
  fetched          timestamptz,
  last_status_code text,
  last_status_desc text,
  last_status_time timestamptz
);
-- The inbox query: one system's mailbox in a few states, oldest first.
CREATE INDEX deliveries_inbox ON deliveries (recipient_system, message_type, state, created, receiver_id);
CREATE INDEX deliveries_sender ON deliveries (sender_id);
CREATE INDEX deliveries_recipient_code ON deliveries (recipient_code);

CREATE TABLE journal (
  id             bigserial PRIMARY KEY,
  time           timestamptz NOT NULL,
  run            text,
  operation      text NOT NULL,
  method         text NOT NULL,
  path           text NOT NULL,
  caller         text,
  agencies       jsonb NOT NULL,
  headers        jsonb NOT NULL,
  hmac_reading   text,
  secret_seen    boolean NOT NULL,
  outcome_status text NOT NULL,
  error_code     text NOT NULL,
  error_desc     text NOT NULL,
  http_status    integer NOT NULL,
  findings       jsonb NOT NULL,
  body_sha256    text,
  body_length    integer NOT NULL,
  body_excerpt   bytea,
  sender_id      text,
  receiver_ids   jsonb,
  document_id    text,
  status_code    text,
  fault          text,
  remote_address text,
  duration_ms    double precision NOT NULL
);
CREATE INDEX journal_time ON journal (time);
CREATE INDEX journal_agencies ON journal USING gin (agencies);
CREATE INDEX journal_operation ON journal (operation, id);
`,
  },
  {
    version: 2,
    description: 'tenants; tenant stamps on systems, agencies, packets and journal',
    sql: `
CREATE TABLE tenants (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  kind         text,
  token_sha256 text NOT NULL,
  created      timestamptz NOT NULL
);
ALTER TABLE systems ADD COLUMN tenant text;
CREATE INDEX systems_tenant ON systems (tenant);
ALTER TABLE agencies ADD COLUMN tenant text;
ALTER TABLE packets ADD COLUMN tenant text;
CREATE INDEX packets_tenant ON packets (tenant, created);
ALTER TABLE journal ADD COLUMN tenant text;
CREATE INDEX journal_tenant ON journal (tenant, id);
`,
  },
  {
    version: 3,
    description: 'conformance runs recorded by the sandbox that served them',
    sql: `
CREATE TABLE runs (
  run_id   text PRIMARY KEY,
  tenant   text,
  sut_code text NOT NULL,
  profile  text NOT NULL,
  status   text NOT NULL,
  verdict  text,
  started  timestamptz NOT NULL,
  updated  timestamptz NOT NULL,
  data     jsonb NOT NULL
);
CREATE INDEX runs_started ON runs (started DESC);
CREATE INDEX runs_tenant ON runs (tenant, started DESC);
`,
  },
  {
    version: 4,
    description: 'conformance runs and their reserved identities',
    sql: `
-- One row: where the next run's reservations start (NULL agency: nothing reserved yet). Locked
-- FOR UPDATE while a run reserves.
CREATE TABLE reservation_cursor (
  one         boolean PRIMARY KEY DEFAULT true CHECK (one),
  next_agency bigint,
  next_number bigint NOT NULL
);
INSERT INTO reservation_cursor (one, next_agency, next_number) VALUES (true, NULL, 0);

CREATE TABLE run_reservations (
  run_id       text PRIMARY KEY,
  sut_code     text NOT NULL,
  agency_start bigint NOT NULL,
  agency_count integer NOT NULL,
  number_start bigint NOT NULL,
  number_count integer NOT NULL,
  started      timestamptz NOT NULL,
  alive        timestamptz NOT NULL,
  ended        timestamptz
);
CREATE INDEX run_reservations_active ON run_reservations (sut_code) WHERE ended IS NULL;
`,
  },
];
