import type { Db } from './db.ts'
import { nowIso } from './ids.ts'
import { paginate, type CursorParams } from './pagination.ts'

export type MessageRole = 'system' | 'user' | 'assistant' | 'tool'

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; reasoning: string; is_native: boolean; signature: string | null }

/** A tool call in OpenAI's shape, as Letta stores it. */
export interface StoredToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

export interface StoredToolReturn {
  tool_call_id: string
  status: 'success' | 'error'
  /** What the model is shown: Letta's packaged `{status, message, time}` JSON. */
  func_response: string
  stdout: string[] | null
  stderr: string[] | null
  /** The tool that was called, so send_message's return can be left out of the Letta view. */
  name: string
}

/** Letta's stored Message. */
export interface StoredMessage {
  id: string
  agent_id: string
  role: MessageRole
  content: ContentPart[]
  name: string | null
  tool_calls: StoredToolCall[] | null
  tool_call_id: string | null
  tool_returns: StoredToolReturn[] | null
  model: string | null
  step_id: string | null
  run_id: string | null
  otid: string | null
  sender_id: string | null
  group_id: string | null
  batch_item_id: string | null
  is_err: boolean
  created_at: string
}

export type NewMessage = Omit<StoredMessage, 'created_at'> & { created_at?: string }

interface MessageRow {
  seq: number
  id: string
  agent_id: string
  role: MessageRole
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

const parseJson = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T)

function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    agent_id: row.agent_id,
    role: row.role,
    content: JSON.parse(row.content) as ContentPart[],
    name: row.name,
    tool_calls: parseJson<StoredToolCall[]>(row.tool_calls),
    tool_call_id: row.tool_call_id,
    tool_returns: parseJson<StoredToolReturn[]>(row.tool_returns),
    model: row.model,
    step_id: row.step_id,
    run_id: row.run_id,
    otid: row.otid,
    sender_id: row.sender_id,
    group_id: row.group_id,
    batch_item_id: row.batch_item_id,
    is_err: row.is_err === 1,
    created_at: row.created_at,
  }
}

export interface MessageFilters {
  agentId?: string | undefined
  runId?: string | undefined
  stepId?: string | undefined
  groupId?: string | undefined
}

/** Agents' conversations: written once per step (a checkpoint), never edited by the loop. */
export class MessagesRepository {
  constructor(private readonly db: Db) {}

  /** Stores the messages in one transaction, in order. */
  insertMany(messages: readonly NewMessage[]): void {
    const insert = this.db.prepare(
      `INSERT INTO messages (id, agent_id, role, content, name, tool_calls, tool_call_id, tool_returns, model,
         step_id, run_id, otid, sender_id, group_id, batch_item_id, is_err, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.db.transaction(() => {
      for (const message of messages) {
        insert.run(
          message.id,
          message.agent_id,
          message.role,
          JSON.stringify(message.content),
          message.name,
          message.tool_calls && JSON.stringify(message.tool_calls),
          message.tool_call_id,
          message.tool_returns && JSON.stringify(message.tool_returns),
          message.model,
          message.step_id,
          message.run_id,
          message.otid,
          message.sender_id,
          message.group_id,
          message.batch_item_id,
          message.is_err ? 1 : 0,
          message.created_at ?? nowIso(),
        )
      }
    })()
  }

  list(
    filters: MessageFilters,
    cursor: CursorParams,
    defaultOrder: 'asc' | 'desc',
  ): StoredMessage[] {
    const where = []
    if (filters.agentId) where.push({ sql: 'agent_id = ?', params: [filters.agentId] })
    if (filters.runId) where.push({ sql: 'run_id = ?', params: [filters.runId] })
    if (filters.stepId) where.push({ sql: 'step_id = ?', params: [filters.stepId] })
    if (filters.groupId) where.push({ sql: 'group_id = ?', params: [filters.groupId] })
    return paginate<MessageRow>({
      db: this.db,
      table: 'messages',
      where,
      cursor,
      defaultLimit: 100,
      defaultOrder,
    }).map(toMessage)
  }

  /** The agent's whole conversation, oldest first: the model's context. */
  allForAgent(agentId: string): StoredMessage[] {
    return (
      this.db
        .prepare('SELECT * FROM messages WHERE agent_id = ? ORDER BY seq')
        .all(agentId) as MessageRow[]
    ).map(toMessage)
  }

  countForAgent(agentId: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM messages WHERE agent_id = ?').get(agentId) as {
        n: number
      }
    ).n
  }
}
