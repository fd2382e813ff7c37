-- Agent templates: a named design with numbered, immutable version snapshots.
CREATE TABLE templates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  -- The agent it was first saved from; kept as text, so deleting that agent keeps the template.
  source_agent_id TEXT,
  source_agent_name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per version; the snapshot (system prompt, blocks, tools, sources, model) is JSON and never changes.
CREATE TABLE template_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  template_id TEXT NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  message TEXT,
  snapshot TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (template_id, version)
);

-- The template version an agent came from (or was saved as) and the memory variables it was given.
-- No foreign key to templates: an agent keeps its variables after its template is deleted.
CREATE TABLE agent_templates (
  agent_id TEXT PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
  template_id TEXT NOT NULL,
  template_name TEXT NOT NULL,
  version INTEGER NOT NULL,
  variables TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX agent_templates_by_template ON agent_templates (template_id);
