import type { Db } from '../storage/db.ts'

/** A step as the usage figures read it; the rest of the row takes plain defaults. */
export interface GeneratedStep {
  id: string
  run_id: string | null
  agent_id: string | null
  model: string | null
  created_at: string
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cached_tokens: number | null
  reasoning_tokens: number | null
  status: 'success' | 'failed'
}

export interface StepPlan {
  count: number
  /** First possible step time, ms since the epoch. */
  start: number
  days: number
  agentIds: readonly string[]
  models: readonly string[]
  seed?: number
}

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

/**
 * Steps spread over the days, in runs of one to four steps a few seconds apart (so some runs cross an
 * hour or midnight), with a mix of models and agents, failed steps with zero tokens, and cached and
 * reasoning counts only some providers report.
 */
export function generateSteps(plan: StepPlan): GeneratedStep[] {
  const next = random(plan.seed ?? 1)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T
  const steps: GeneratedStep[] = []
  let runNumber = 0
  while (steps.length < plan.count) {
    runNumber += 1
    const runId = next() < 0.03 ? null : `run-${uuid(runNumber)}`
    const agentId = next() < 0.02 ? null : pick(plan.agentIds)
    const model = next() < 0.02 ? null : pick(plan.models)
    let at = plan.start + Math.floor(next() * plan.days * 86_400_000)
    const length = 1 + Math.floor(next() * 4)
    for (let i = 0; i < length && steps.length < plan.count; i += 1) {
      const failed = next() < 0.05
      const prompt = failed ? 0 : 100 + Math.floor(next() * 4000)
      const completion = failed ? 0 : 5 + Math.floor(next() * 800)
      steps.push({
        id: `step-${uuid(steps.length + 1)}`,
        run_id: runId,
        agent_id: agentId,
        model,
        created_at: new Date(at).toISOString(),
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
        cached_tokens: failed || next() < 0.5 ? null : Math.floor(prompt * next()),
        reasoning_tokens: failed || next() < 0.7 ? null : Math.floor(completion * next()),
        status: failed ? 'failed' : 'success',
      })
      at += 500 + Math.floor(next() * 90_000)
    }
  }
  return steps
}

/** Writes the steps straight into the table, in one transaction. */
export function insertSteps(db: Db, steps: readonly GeneratedStep[]): void {
  const insert = db.prepare(
    `INSERT INTO steps (id, run_id, agent_id, model, model_handle, provider_name, provider_type, provider_category,
       prompt_tokens, completion_tokens, total_tokens, cached_tokens, reasoning_tokens, status, created_at, completed_at)
     VALUES (@id, @run_id, @agent_id, @model, NULL, 'openai', 'openai', 'byok', @prompt_tokens, @completion_tokens,
       @total_tokens, @cached_tokens, @reasoning_tokens, @status, @created_at, @created_at)`,
  )
  db.transaction(() => {
    for (const step of steps) insert.run(step)
  })()
}
