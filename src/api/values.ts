/**
 * The value lists of the server's enums, apart from the query modules: a page's URL is checked
 * against them before the page (and its queries) load.
 */
import type { components } from './generated/schema'

export {
  // Every job status the bundled server names; a real server may send others, shown as they come.
  jobStatusValues as JOB_STATUSES,
  jobTypeValues as JOB_TYPES,
  runStatusValues as RUN_STATUSES,
  toolTypeValues,
} from './generated/schema'

type StopReason = NonNullable<components['schemas']['StopReasonType']>

// The schema marks the enum nullable, so no value list is generated; the Record makes the compiler
// check this one against it both ways.
const stopReasons: Record<StopReason, true> = {
  end_turn: true,
  error: true,
  llm_api_error: true,
  invalid_llm_response: true,
  invalid_tool_call: true,
  max_steps: true,
  max_tokens_exceeded: true,
  no_tool_call: true,
  tool_rule: true,
  cancelled: true,
  insufficient_credits: true,
  requires_approval: true,
  context_window_overflow_in_system_prompt: true,
}
export const STOP_REASONS = Object.keys(stopReasons) as [StopReason, ...StopReason[]]
