-- The requests of a message batch (a job of type batch): one row each, with its outcome.
CREATE TABLE batch_items (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  batch_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  -- Not a foreign key: a request may name an agent that does not exist, and then fails.
  agent_id TEXT NOT NULL,
  messages TEXT NOT NULL,
  max_steps INTEGER,
  status TEXT NOT NULL,
  run_id TEXT,
  stop_reason TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX batch_items_by_batch ON batch_items (batch_id, position);
CREATE INDEX messages_by_batch_item ON messages (batch_item_id, seq);
