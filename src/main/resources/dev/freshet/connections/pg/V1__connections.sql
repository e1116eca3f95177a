-- Freshet's connections (docs/connections.md, "Many hosts"). No column holds a secret in the clear: the record is
-- the file store's JSON, whose secrets are one AES-256-GCM "vault" field sealed with FRESHET_MASTER_KEY.
CREATE TABLE freshet.connections (
  scope      text        NOT NULL,  -- 'shared', or 'owner:' || owner
  owner      text,                  -- the user or tenant; null for a shared connection
  name       text        NOT NULL,
  service    text        NOT NULL,
  auth       text        NOT NULL,
  status     text        NOT NULL,
  expires_at timestamptz,
  updated_at timestamptz,
  version    bigint      NOT NULL CHECK (version > 0),  -- compare-and-set: each write is one more
  record     json        NOT NULL,
  PRIMARY KEY (scope, name)
);

-- The default connection of each product (crm -> zohocrm), per scope.
CREATE TABLE freshet.defaults (
  scope      text NOT NULL,
  owner      text,
  product    text NOT NULL,
  connection text NOT NULL,
  PRIMARY KEY (scope, product)
);

-- Facts about the store itself: the salt of a passphrase key, and a known text sealed with the key.
CREATE TABLE freshet.settings (
  name  text PRIMARY KEY,
  value text NOT NULL
);
