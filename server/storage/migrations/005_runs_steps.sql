-- Runs (one per message request to an agent) and steps (one per LLM call). Neither is removed with
-- its agent, so usage history outlives the agents that made it.
CREATE TABLE runs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  agent_id TEXT NOT NULL,
  status TEXT NOT NULL,
  stop_reason TEXT,
  background INTEGER,
  metadata TEXT NOT NULL DEFAULT '{}',
  request_config TEXT,
  callback_url TEXT,
  callback_sent_at TEXT,
  callback_status_code INTEGER,
  callback_error TEXT,
  ttft_ns INTEGER,
  total_duration_ns INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT,
  created_by_id TEXT,
  last_updated_by_id TEXT
);
CREATE INDEX runs_by_agent ON runs (agent_id, seq);
CREATE INDEX runs_by_status ON runs (status, seq);

-- created_at is ISO 8601 UTC with milliseconds, so text order is time order.
CREATE TABLE steps (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  run_id TEXT,
  agent_id TEXT,
  model TEXT,
  model_handle TEXT,
  model_endpoint TEXT,
  provider_name TEXT,
  provider_type TEXT,
  provider_category TEXT,
  context_window_limit INTEGER,
  prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  total_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens INTEGER,
  cache_write_tokens INTEGER,
  reasoning_tokens INTEGER,
  stop_reason TEXT,
  status TEXT NOT NULL,
  error_type TEXT,
  error_data TEXT,
  created_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX steps_by_created ON steps (created_at);
CREATE INDEX steps_by_agent ON steps (agent_id, created_at);
CREATE INDEX steps_by_model ON steps (model, created_at);
CREATE INDEX steps_by_run ON steps (run_id);
