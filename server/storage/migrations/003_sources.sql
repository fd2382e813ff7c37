-- Sources (Letta's folders), their uploaded files and the embedded passages cut from them.
CREATE TABLE sources (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  instructions TEXT,
  metadata TEXT,
  embedding_config TEXT NOT NULL,
  vector_db_provider TEXT NOT NULL DEFAULT 'native',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by_id TEXT,
  last_updated_by_id TEXT
);

-- The stored original lives under the data directory, named by the file id (never the user's name).
CREATE TABLE files (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  original_file_name TEXT NOT NULL,
  file_path TEXT,
  file_type TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  file_creation_date TEXT,
  file_last_modified_date TEXT,
  processing_status TEXT NOT NULL DEFAULT 'pending',
  error_message TEXT,
  total_chunks INTEGER,
  chunks_embedded INTEGER,
  job_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by_id TEXT,
  last_updated_by_id TEXT
);
CREATE UNIQUE INDEX files_by_source_name ON files (source_id, file_name);
CREATE INDEX files_by_source ON files (source_id, seq);
CREATE INDEX files_by_status ON files (processing_status);

-- The text extracted from a file, served with include_content.
CREATE TABLE file_contents (
  file_id TEXT PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);

-- embedding is a little-endian Float32 array.
CREATE TABLE passages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  file_name TEXT,
  text TEXT NOT NULL,
  embedding BLOB NOT NULL,
  embedding_config TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  tags TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by_id TEXT,
  last_updated_by_id TEXT
);
CREATE INDEX passages_by_source ON passages (source_id, seq);
CREATE INDEX passages_by_file ON passages (file_id, seq);
