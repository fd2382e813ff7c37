import type { Db } from './db.ts'
import { DEFAULT_USER_ID, newId, nowIso } from './ids.ts'

/** A core-memory block: Letta's Block, owned by one agent at one position in its memory. */
export interface Block {
  id: string
  label: string
  value: string
  limit: number
  description: string | null
  read_only: boolean
  hidden: boolean | null
  metadata: Record<string, unknown>
  tags: string[]
  project_id: string | null
  is_template: boolean
  template_name: string | null
  template_id: string | null
  base_template_id: string | null
  deployment_id: string | null
  entity_id: string | null
  preserve_on_migration: boolean
  created_by_id: string | null
  last_updated_by_id: string | null
}

export type BlockFields = Omit<Block, 'id' | 'created_by_id' | 'last_updated_by_id'>

interface BlockRow {
  seq: number
  id: string
  agent_id: string
  position: number
  label: string
  value: string
  value_limit: number
  description: string | null
  read_only: number
  hidden: number | null
  metadata: string
  tags: string
  project_id: string | null
  is_template: number
  template_name: string | null
  template_id: string | null
  base_template_id: string | null
  deployment_id: string | null
  entity_id: string | null
  preserve_on_migration: number
  created_by_id: string | null
  last_updated_by_id: string | null
}

function toBlock(row: BlockRow): Block {
  return {
    id: row.id,
    label: row.label,
    value: row.value,
    limit: row.value_limit,
    description: row.description,
    read_only: row.read_only === 1,
    hidden: row.hidden === null ? null : row.hidden === 1,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    tags: JSON.parse(row.tags) as string[],
    project_id: row.project_id,
    is_template: row.is_template === 1,
    template_name: row.template_name,
    template_id: row.template_id,
    base_template_id: row.base_template_id,
    deployment_id: row.deployment_id,
    entity_id: row.entity_id,
    preserve_on_migration: row.preserve_on_migration === 1,
    created_by_id: row.created_by_id,
    last_updated_by_id: row.last_updated_by_id,
  }
}

function columnsFor(fields: BlockFields): Record<string, unknown> {
  return {
    label: fields.label,
    value: fields.value,
    value_limit: fields.limit,
    description: fields.description,
    read_only: fields.read_only ? 1 : 0,
    hidden: fields.hidden === null ? null : fields.hidden ? 1 : 0,
    metadata: JSON.stringify(fields.metadata),
    tags: JSON.stringify(fields.tags),
    project_id: fields.project_id,
    is_template: fields.is_template ? 1 : 0,
    template_name: fields.template_name,
    template_id: fields.template_id,
    base_template_id: fields.base_template_id,
    deployment_id: fields.deployment_id,
    entity_id: fields.entity_id,
    preserve_on_migration: fields.preserve_on_migration ? 1 : 0,
  }
}

/** Core-memory blocks, in each agent's order. */
export class BlocksRepository {
  constructor(private readonly db: Db) {}

  /** Appends a block to the agent's memory; a label the agent already has breaks UNIQUE. */
  insert(agentId: string, fields: BlockFields): Block {
    const id = newId('block')
    const now = nowIso()
    const columns = {
      ...columnsFor(fields),
      id,
      agent_id: agentId,
      created_at: now,
      updated_at: now,
      created_by_id: DEFAULT_USER_ID,
      last_updated_by_id: DEFAULT_USER_ID,
    }
    const names = Object.keys(columns)
    this.db
      .prepare(
        `INSERT INTO blocks (${names.join(', ')}, position) VALUES (${names.map(() => '?').join(', ')},
         (SELECT coalesce(max(position), -1) + 1 FROM blocks WHERE agent_id = ?))`,
      )
      .run(...Object.values(columns), agentId)
    return this.get(id) as Block
  }

  update(id: string, fields: BlockFields): Block | undefined {
    const columns = {
      ...columnsFor(fields),
      updated_at: nowIso(),
      last_updated_by_id: DEFAULT_USER_ID,
    }
    const names = Object.keys(columns)
    const { changes } = this.db
      .prepare(`UPDATE blocks SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`)
      .run(...Object.values(columns), id)
    return changes ? this.get(id) : undefined
  }

  /** Sets a block's value alone, as the memory tools do. */
  setValue(id: string, value: string): void {
    this.db
      .prepare('UPDATE blocks SET value = ?, updated_at = ?, last_updated_by_id = ? WHERE id = ?')
      .run(value, nowIso(), DEFAULT_USER_ID, id)
  }

  get(id: string): Block | undefined {
    const row = this.db.prepare('SELECT * FROM blocks WHERE id = ?').get(id) as BlockRow | undefined
    return row && toBlock(row)
  }

  byLabel(agentId: string, label: string): Block | undefined {
    const row = this.db
      .prepare('SELECT * FROM blocks WHERE agent_id = ? AND label = ?')
      .get(agentId, label) as BlockRow | undefined
    return row && toBlock(row)
  }

  /** The agent's blocks in memory order. */
  forAgent(agentId: string): Block[] {
    return (
      this.db
        .prepare('SELECT * FROM blocks WHERE agent_id = ? ORDER BY position')
        .all(agentId) as BlockRow[]
    ).map(toBlock)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM blocks WHERE id = ?').run(id).changes > 0
  }
}
