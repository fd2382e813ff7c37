-- Tools: custom Python functions plus Letta's built-in tools (is_builtin = 1, seeded at start).
-- Letta tools have no created_at; `seq` keeps creation order for lists and cursors.
CREATE TABLE tools (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  -- Lower-cased name, description and tags, so `search` is one substring test per row.
  search_text TEXT NOT NULL DEFAULT '',
  tool_type TEXT NOT NULL DEFAULT 'custom',
  is_builtin INTEGER NOT NULL DEFAULT 0,
  description TEXT,
  source_type TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  source_code TEXT,
  json_schema TEXT,
  args_json_schema TEXT,
  return_char_limit INTEGER NOT NULL DEFAULT 6000,
  pip_requirements TEXT,
  npm_requirements TEXT,
  default_requires_approval INTEGER,
  enable_parallel_execution INTEGER,
  project_id TEXT,
  metadata TEXT,
  created_by_id TEXT,
  last_updated_by_id TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX tools_by_type ON tools (tool_type, seq);
CREATE INDEX tools_by_builtin ON tools (is_builtin, seq);
-- A search scans this narrow covering index instead of the wide rows (source, schemas): at 10,000
-- tools a search with no match takes ~1.5 ms instead of ~6 ms.
CREATE INDEX tools_by_search_text ON tools (search_text);
-- One row per (tag, tool), so tag filters use an index instead of parsing JSON on every row.
CREATE TABLE tool_tags (
  tool_seq INTEGER NOT NULL REFERENCES tools (seq) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (tag, tool_seq)
) WITHOUT ROWID;
CREATE INDEX tool_tags_by_tool ON tool_tags (tool_seq);
