-- A counter per list table that every insert, update and delete bumps, so a whole page of a list
-- can be kept until its table changes (see PageJsonCache in list-json-cache.ts). Triggers, not
-- the repositories, bump it, so writes by straight SQL, by cascades and by other processes count
-- too. A tool's tags live in tool_tags as well (the tags filter reads them): they bump 'tools'.
CREATE TABLE table_versions (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO table_versions (name) VALUES ('tools'), ('files'), ('passages'), ('jobs');

CREATE TRIGGER tools_version_insert AFTER INSERT ON tools
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'tools'; END;
CREATE TRIGGER tools_version_update AFTER UPDATE ON tools
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'tools'; END;
CREATE TRIGGER tools_version_delete AFTER DELETE ON tools
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'tools'; END;
CREATE TRIGGER tool_tags_version_insert AFTER INSERT ON tool_tags
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'tools'; END;
CREATE TRIGGER tool_tags_version_update AFTER UPDATE ON tool_tags
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'tools'; END;
CREATE TRIGGER tool_tags_version_delete AFTER DELETE ON tool_tags
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'tools'; END;

CREATE TRIGGER files_version_insert AFTER INSERT ON files
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'files'; END;
CREATE TRIGGER files_version_update AFTER UPDATE ON files
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'files'; END;
CREATE TRIGGER files_version_delete AFTER DELETE ON files
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'files'; END;

CREATE TRIGGER passages_version_insert AFTER INSERT ON passages
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'passages'; END;
CREATE TRIGGER passages_version_update AFTER UPDATE ON passages
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'passages'; END;
CREATE TRIGGER passages_version_delete AFTER DELETE ON passages
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'passages'; END;

CREATE TRIGGER jobs_version_insert AFTER INSERT ON jobs
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'jobs'; END;
CREATE TRIGGER jobs_version_update AFTER UPDATE ON jobs
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'jobs'; END;
CREATE TRIGGER jobs_version_delete AFTER DELETE ON jobs
BEGIN UPDATE table_versions SET version = version + 1 WHERE name = 'jobs'; END;
