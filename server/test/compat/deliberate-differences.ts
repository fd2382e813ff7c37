/**
 * Where the bundled server's API knowingly differs from Letta's published document, with the
 * reason. The compatibility test fails on any difference not listed here and on any entry that no
 * longer differs; the README's table of deliberate differences names each `topic`.
 */
export interface DeliberateDifference {
  topic: string
  /** Matches `METHOD /path :: what` of each difference it covers. */
  matches: RegExp
  reason: string
}

export const DELIBERATE_DIFFERENCES: DeliberateDifference[] = [
  {
    topic: 'Upload to a source answers a Job',
    matches: /^POST \/v1\/sources\/\{\}\/upload :: response field /,
    reason:
      'older Letta servers and their clients follow a source upload by its job; /v1/folders/{id}/upload answers the FileMetadata',
  },
  {
    topic: 'Jobs carry no run fields',
    matches:
      /^(GET|POST|DELETE|PATCH) \/v1\/(jobs(\/active|\/\{\}|\/\{\}\/cancel)?|messages\/batches(\/\{\})?) :: response field (background|agent_id|ttft_ns|total_duration_ns): absent here$/,
    reason:
      'the bundled jobs process files or message batches; those fields describe one agent run, which /v1/runs serves',
  },
  {
    topic: 'Passages have no archive_id',
    matches:
      /^GET \/v1\/(sources|folders)\/\{\}\/passages :: response field archive_id: absent here$/,
    reason: "a source's passages belong to no archive (archives are an agent's memory)",
  },
  {
    topic: 'Embedding models have no Azure fields',
    matches:
      /^GET \/v1\/models\/embedding :: response field azure_(endpoint|version|deployment): absent here$/,
    reason:
      'the bundled embedders are the built-in one and an OpenAI-compatible API, never an Azure deployment',
  },
  {
    topic: 'Template list limits are numbers',
    matches:
      /^GET \/v1\/templates(\/\{\}\/\{\}\/versions)? :: query limit: type number here, string upstream$/,
    reason:
      'Letta Cloud documents limit as a string; it is a count, so it is documented as one here',
  },
  {
    topic: 'Template snapshots hold one agent',
    matches:
      /^GET \/v1\/templates\/\{\}\/\{\}\/snapshot :: response field (agents|relationships|configuration|type): absent here$/,
    reason:
      "a version here is a snapshot of one agent (system prompt, blocks, tools, sources, model); Letta Cloud's snapshots describe groups of agents",
  },
]
