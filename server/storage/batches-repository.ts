import type { InputMessage } from '../services/agents/agent-loop.ts'
import type { Db } from './db.ts'
import { DEFAULT_USER_ID, nowIso } from './ids.ts'
import type { ContentPart, StoredToolCall, StoredToolReturn } from './messages-repository.ts'
import { paginate, type CursorParams } from './pagination.ts'
import type { SqlCondition } from './sql.ts'

export const BATCH_ITEM_STATUSES = [
  'created',
  'running',
  'completed',
  'failed',
  'cancelled',
] as const
export type BatchItemStatus = (typeof BATCH_ITEM_STATUSES)[number]

export interface BatchItem {
  id: string
  batch_id: string
  position: number
  agent_id: string
  messages: InputMessage[]
  max_steps: number | null
  status: BatchItemStatus
  run_id: string | null
  stop_reason: string | null
  error: string | null
  created_at: string
  updated_at: string
}

interface BatchItemRow extends Omit<BatchItem, 'messages'> {
  seq: number
  messages: string
}

const toItem = (row: BatchItemRow): BatchItem => ({
  id: row.id,
  batch_id: row.batch_id,
  position: row.position,
  agent_id: row.agent_id,
  messages: JSON.parse(row.messages) as InputMessage[],
  max_steps: row.max_steps,
  status: row.status,
  run_id: row.run_id,
  stop_reason: row.stop_reason,
  error: row.error,
  created_at: row.created_at,
  updated_at: row.updated_at,
})

/** Letta's stored Message as the batch message lists give it, every field the user's document names. */
export interface BatchMessage {
  id: string
  agent_id: string
  model: string | null
  role: string
  content: ContentPart[]
  name: string | null
  tool_calls: StoredToolCall[] | null
  tool_call_id: string | null
  step_id: string | null
  run_id: string | null
  otid: string | null
  tool_returns:
    | {
        tool_call_id: string
        status: 'success' | 'error'
        stdout: string[] | null
        stderr: string[] | null
        func_response: string
      }[]
    | null
  group_id: string | null
  sender_id: string | null
  batch_item_id: string | null
  is_err: boolean
  created_at: string
  updated_at: string
  created_by_id: string
  last_updated_by_id: string
}

interface MessageRow {
  id: string
  agent_id: string
  role: string
  content: string
  name: string | null
  tool_calls: string | null
  tool_call_id: string | null
  tool_returns: string | null
  model: string | null
  step_id: string | null
  run_id: string | null
  otid: string | null
  sender_id: string | null
  group_id: string | null
  batch_item_id: string | null
  is_err: number
  created_at: string
}

function toBatchMessage(row: MessageRow): BatchMessage {
  const returns = row.tool_returns ? (JSON.parse(row.tool_returns) as StoredToolReturn[]) : null
  return {
    id: row.id,
    agent_id: row.agent_id,
    model: row.model,
    role: row.role,
    content: JSON.parse(row.content) as ContentPart[],
    name: row.name,
    tool_calls: row.tool_calls ? (JSON.parse(row.tool_calls) as StoredToolCall[]) : null,
    tool_call_id: row.tool_call_id,
    step_id: row.step_id,
    run_id: row.run_id,
    otid: row.otid,
    tool_returns:
      returns?.map((item) => ({
        tool_call_id: item.tool_call_id,
        status: item.status,
        stdout: item.stdout,
        stderr: item.stderr,
        func_response: item.func_response,
      })) ?? null,
    group_id: row.group_id,
    sender_id: row.sender_id,
    batch_item_id: row.batch_item_id,
    is_err: row.is_err === 1,
    created_at: row.created_at,
    // Messages are written once and never edited.
    updated_at: row.created_at,
    created_by_id: DEFAULT_USER_ID,
    last_updated_by_id: DEFAULT_USER_ID,
  }
}

/** The items of message batches and the messages their runs wrote. */
export class BatchesRepository {
  constructor(private readonly db: Db) {}

  insertItems(
    batchId: string,
    items: readonly {
      id: string
      agent_id: string
      messages: InputMessage[]
      max_steps: number | null
    }[],
  ): void {
    const now = nowIso()
    const insert = this.db.prepare(
      `INSERT INTO batch_items (id, batch_id, position, agent_id, messages, max_steps, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'created', ?, ?)`,
    )
    this.db.transaction(() => {
      items.forEach((item, position) =>
        insert.run(
          item.id,
          batchId,
          position,
          item.agent_id,
          JSON.stringify(item.messages),
          item.max_steps,
          now,
          now,
        ),
      )
    })()
  }

  items(batchId: string): BatchItem[] {
    return (
      this.db
        .prepare('SELECT * FROM batch_items WHERE batch_id = ? ORDER BY position')
        .all(batchId) as BatchItemRow[]
    ).map(toItem)
  }

  update(
    id: string,
    patch: Partial<Pick<BatchItem, 'status' | 'run_id' | 'stop_reason' | 'error'>>,
  ): void {
    const names = Object.keys(patch)
    if (!names.length) return
    this.db
      .prepare(
        `UPDATE batch_items SET ${names.map((name) => `${name} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      )
      .run(...Object.values(patch), nowIso(), id)
  }

  /** Items still waiting or running become cancelled (or failed, with the reason). */
  closeOpenItems(batchId: string, status: 'cancelled' | 'failed', error: string | null): void {
    this.db
      .prepare(
        `UPDATE batch_items SET status = ?, error = coalesce(error, ?), updated_at = ?
         WHERE batch_id = ? AND status IN ('created', 'running')`,
      )
      .run(status, error, nowIso(), batchId)
  }

  /** Batches with items still open: after a crash, those items never ran to the end. */
  batchesWithOpenItems(): string[] {
    return (
      this.db
        .prepare("SELECT DISTINCT batch_id FROM batch_items WHERE status IN ('created', 'running')")
        .all() as { batch_id: string }[]
    ).map((row) => row.batch_id)
  }

  /** The messages the batch's items wrote, paged by message id. */
  messages(
    batchId: string,
    filters: { agentId?: string | undefined },
    cursor: CursorParams,
    defaultOrder: 'asc' | 'desc',
  ): BatchMessage[] {
    const where: SqlCondition[] = [
      {
        sql: 'batch_item_id IN (SELECT id FROM batch_items WHERE batch_id = ?)',
        params: [batchId],
      },
    ]
    if (filters.agentId) where.push({ sql: 'agent_id = ?', params: [filters.agentId] })
    return paginate<MessageRow>({
      db: this.db,
      table: 'messages',
      where,
      cursor,
      defaultLimit: 100,
      defaultOrder,
    }).map(toBatchMessage)
  }
}
