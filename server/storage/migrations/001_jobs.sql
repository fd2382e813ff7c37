-- Background work: file ingestion, batches. `seq` orders lists; `id` is what clients see.
CREATE TABLE jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  job_type TEXT NOT NULL DEFAULT 'job',
  source_id TEXT,
  file_id TEXT,
  metadata TEXT NOT NULL DEFAULT '{}',
  stop_reason TEXT,
  callback_url TEXT,
  callback_sent_at TEXT,
  callback_status_code INTEGER,
  callback_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT,
  created_by_id TEXT,
  last_updated_by_id TEXT
);
CREATE INDEX jobs_by_source ON jobs (source_id, seq);
CREATE INDEX jobs_by_status ON jobs (status, seq);
CREATE INDEX jobs_by_file ON jobs (file_id);
