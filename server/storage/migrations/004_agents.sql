-- Agents, their memory blocks, attached tools and sources, and the messages of their conversation.
CREATE TABLE agents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- Lower-cased name and description, so `query_text` is one substring test per row.
  search_text TEXT NOT NULL DEFAULT '',
  system TEXT NOT NULL,
  agent_type TEXT NOT NULL,
  description TEXT,
  -- The model handle (`<provider>/<model>`) and the LLMConfig resolved from it when it was chosen.
  model TEXT,
  llm_config TEXT NOT NULL,
  embedding TEXT,
  embedding_config TEXT,
  metadata TEXT,
  tool_rules TEXT,
  message_buffer_autoclear INTEGER NOT NULL DEFAULT 0,
  timezone TEXT,
  project_id TEXT,
  template_id TEXT,
  base_template_id TEXT,
  deployment_id TEXT,
  entity_id TEXT,
  last_run_completion TEXT,
  last_run_duration_ms INTEGER,
  last_stop_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by_id TEXT,
  last_updated_by_id TEXT
);
CREATE INDEX agents_by_name ON agents (name);
CREATE INDEX agents_by_search_text ON agents (search_text);

CREATE TABLE agent_tags (
  agent_seq INTEGER NOT NULL REFERENCES agents (seq) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (tag, agent_seq)
) WITHOUT ROWID;
CREATE INDEX agent_tags_by_agent ON agent_tags (agent_seq);

-- Core memory: one row per block, in the agent's order (`position`); labels are unique per agent.
CREATE TABLE blocks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  value TEXT NOT NULL,
  value_limit INTEGER NOT NULL,
  description TEXT,
  read_only INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER,
  metadata TEXT NOT NULL DEFAULT '{}',
  tags TEXT NOT NULL DEFAULT '[]',
  project_id TEXT,
  is_template INTEGER NOT NULL DEFAULT 0,
  template_name TEXT,
  template_id TEXT,
  base_template_id TEXT,
  deployment_id TEXT,
  entity_id TEXT,
  preserve_on_migration INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by_id TEXT,
  last_updated_by_id TEXT,
  UNIQUE (agent_id, label)
);
CREATE INDEX blocks_by_agent ON blocks (agent_id, position);

-- Deleting a tool or a source detaches it from every agent.
CREATE TABLE agent_tools (
  agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  tool_id TEXT NOT NULL REFERENCES tools (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (agent_id, tool_id)
) WITHOUT ROWID;
CREATE INDEX agent_tools_by_tool ON agent_tools (tool_id);

CREATE TABLE agent_sources (
  agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (agent_id, source_id)
) WITHOUT ROWID;
CREATE INDEX agent_sources_by_source ON agent_sources (source_id);

-- Letta's stored Message: typed content parts, OpenAI-shaped tool_calls, tool_returns, as JSON.
CREATE TABLE messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '[]',
  name TEXT,
  tool_calls TEXT,
  tool_call_id TEXT,
  tool_returns TEXT,
  model TEXT,
  step_id TEXT,
  run_id TEXT,
  otid TEXT,
  sender_id TEXT,
  group_id TEXT,
  batch_item_id TEXT,
  is_err INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_by_agent ON messages (agent_id, seq);
CREATE INDEX messages_by_run ON messages (run_id, seq);
CREATE INDEX messages_by_step ON messages (step_id, seq);
