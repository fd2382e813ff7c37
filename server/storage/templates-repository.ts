import type { Db } from './db.ts'
import { newId, nowIso } from './ids.ts'

/** A memory block as a template version holds it. */
export interface SnapshotBlock {
  label: string
  value: string
  limit: number
  description: string | null
  read_only: boolean
  preserve_on_migration: boolean
}

/** An agent's design at one moment: what an agent made from the version starts with. */
export interface TemplateSnapshot {
  agent_name: string
  agent_type: string
  description: string | null
  system: string
  model: string | null
  tags: string[]
  blocks: SnapshotBlock[]
  tools: { id: string; name: string }[]
  sources: { id: string; name: string }[]
}

export interface TemplateRecord {
  id: string
  name: string
  description: string | null
  source_agent_id: string | null
  source_agent_name: string | null
  created_at: string
  updated_at: string
  latest_version: number
}

export interface TemplateVersionRecord {
  template_id: string
  version: number
  message: string | null
  snapshot: TemplateSnapshot
  created_at: string
}

export interface AgentTemplateLink {
  agent_id: string
  template_id: string
  template_name: string
  version: number
  variables: Record<string, string>
}

interface TemplateRow extends Omit<TemplateRecord, 'latest_version'> {
  seq: number
  latest_version: number | null
}

interface VersionRow extends Omit<TemplateVersionRecord, 'snapshot'> {
  snapshot: string
}

const toTemplate = (row: TemplateRow): TemplateRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  source_agent_id: row.source_agent_id,
  source_agent_name: row.source_agent_name,
  created_at: row.created_at,
  updated_at: row.updated_at,
  latest_version: row.latest_version ?? 0,
})

const toVersion = (row: VersionRow): TemplateVersionRecord => ({
  template_id: row.template_id,
  version: row.version,
  message: row.message,
  snapshot: JSON.parse(row.snapshot) as TemplateSnapshot,
  created_at: row.created_at,
})

const SELECT_TEMPLATE = `SELECT t.*, (SELECT max(version) FROM template_versions v WHERE v.template_id = t.id) AS latest_version
  FROM templates t`

export interface TemplateListQuery {
  /** Exact name. */
  name?: string | undefined
  /** Case-insensitive substring of the name. */
  search?: string | undefined
  sortBy: 'created_at' | 'updated_at'
  offset: number
  limit: number
}

/** Templates, their versions, and which agent came from which version with which variables. */
export class TemplatesRepository {
  constructor(private readonly db: Db) {}

  /** A new template with its version 1, in one transaction; a name already taken breaks UNIQUE. */
  create(
    fields: Pick<TemplateRecord, 'name' | 'description' | 'source_agent_id' | 'source_agent_name'>,
    snapshot: TemplateSnapshot,
    message: string | null,
  ): TemplateRecord {
    const id = newId('template')
    const now = nowIso()
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO templates (id, name, description, source_agent_id, source_agent_name, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          fields.name,
          fields.description,
          fields.source_agent_id,
          fields.source_agent_name,
          now,
          now,
        )
      this.insertVersion(id, 1, snapshot, message, now)
    })()
    return this.get(id) as TemplateRecord
  }

  /** Appends the next version and returns its number. */
  addVersion(templateId: string, snapshot: TemplateSnapshot, message: string | null): number {
    const now = nowIso()
    return this.db.transaction(() => {
      const { latest } = this.db
        .prepare(
          'SELECT coalesce(max(version), 0) AS latest FROM template_versions WHERE template_id = ?',
        )
        .get(templateId) as { latest: number }
      this.insertVersion(templateId, latest + 1, snapshot, message, now)
      this.db.prepare('UPDATE templates SET updated_at = ? WHERE id = ?').run(now, templateId)
      return latest + 1
    })()
  }

  get(id: string): TemplateRecord | undefined {
    const row = this.db.prepare(`${SELECT_TEMPLATE} WHERE t.id = ?`).get(id) as
      TemplateRow | undefined
    return row && toTemplate(row)
  }

  byName(name: string): TemplateRecord | undefined {
    const row = this.db.prepare(`${SELECT_TEMPLATE} WHERE t.name = ?`).get(name) as
      TemplateRow | undefined
    return row && toTemplate(row)
  }

  nameTaken(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM templates WHERE name = ?').get(name) !== undefined
  }

  /** One page of templates, newest first, plus whether more follow. */
  list(query: TemplateListQuery): { templates: TemplateRecord[]; hasNextPage: boolean } {
    const conditions: string[] = []
    const params: unknown[] = []
    if (query.name !== undefined) {
      conditions.push('t.name = ?')
      params.push(query.name)
    }
    if (query.search) {
      conditions.push('instr(lower(t.name), lower(?)) > 0')
      params.push(query.search)
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
    const rows = this.db
      .prepare(
        `${SELECT_TEMPLATE} ${where} ORDER BY t.${query.sortBy} DESC, t.seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit + 1, query.offset) as TemplateRow[]
    return {
      templates: rows.slice(0, query.limit).map(toTemplate),
      hasNextPage: rows.length > query.limit,
    }
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0
  }

  /** Versions, newest first. */
  versions(templateId: string, offset: number, limit: number): TemplateVersionRecord[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM template_versions WHERE template_id = ? ORDER BY version DESC LIMIT ? OFFSET ?',
        )
        .all(templateId, limit, offset) as VersionRow[]
    ).map(toVersion)
  }

  versionCount(templateId: string): number {
    return (
      this.db
        .prepare('SELECT count(*) AS count FROM template_versions WHERE template_id = ?')
        .get(templateId) as { count: number }
    ).count
  }

  version(templateId: string, version: number): TemplateVersionRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM template_versions WHERE template_id = ? AND version = ?')
      .get(templateId, version) as VersionRow | undefined
    return row && toVersion(row)
  }

  /** Records (or moves) the template version an agent belongs to, with its variables. */
  linkAgent(link: AgentTemplateLink): void {
    this.db
      .prepare(
        `INSERT INTO agent_templates (agent_id, template_id, template_name, version, variables)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (agent_id) DO UPDATE SET template_id = excluded.template_id,
           template_name = excluded.template_name, version = excluded.version, variables = excluded.variables`,
      )
      .run(
        link.agent_id,
        link.template_id,
        link.template_name,
        link.version,
        JSON.stringify(link.variables),
      )
  }

  linkOf(agentId: string): AgentTemplateLink | undefined {
    const row = this.db.prepare('SELECT * FROM agent_templates WHERE agent_id = ?').get(agentId) as
      (Omit<AgentTemplateLink, 'variables'> & { variables: string }) | undefined
    return row && { ...row, variables: JSON.parse(row.variables) as Record<string, string> }
  }

  /** How many agents came from (or were saved as) each version of the template. */
  agentCount(templateId: string): number {
    return (
      this.db
        .prepare('SELECT count(*) AS count FROM agent_templates WHERE template_id = ?')
        .get(templateId) as { count: number }
    ).count
  }

  private insertVersion(
    templateId: string,
    version: number,
    snapshot: TemplateSnapshot,
    message: string | null,
    createdAt: string,
  ): void {
    this.db
      .prepare(
        'INSERT INTO template_versions (template_id, version, message, snapshot, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(templateId, version, message, JSON.stringify(snapshot), createdAt)
  }
}
