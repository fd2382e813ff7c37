-- A counter each list table bumps on every change to a row, so a list can reuse the JSON it made
-- for a row until the row changes (see RowJsonCache in pagination.ts). Rows are never renumbered
-- (seq is AUTOINCREMENT), so (seq, row_version) names one state of one row.
ALTER TABLE tools ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passages ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER tools_row_version AFTER UPDATE ON tools
  WHEN NEW.row_version = OLD.row_version
BEGIN
  UPDATE tools SET row_version = OLD.row_version + 1 WHERE seq = NEW.seq;
END;
CREATE TRIGGER files_row_version AFTER UPDATE ON files
  WHEN NEW.row_version = OLD.row_version
BEGIN
  UPDATE files SET row_version = OLD.row_version + 1 WHERE seq = NEW.seq;
END;
CREATE TRIGGER passages_row_version AFTER UPDATE ON passages
  WHEN NEW.row_version = OLD.row_version
BEGIN
  UPDATE passages SET row_version = OLD.row_version + 1 WHERE seq = NEW.seq;
END;
CREATE TRIGGER jobs_row_version AFTER UPDATE ON jobs
  WHEN NEW.row_version = OLD.row_version
BEGIN
  UPDATE jobs SET row_version = OLD.row_version + 1 WHERE seq = NEW.seq;
END;
