-- Usage sums read a time range of steps; this index holds every column they read, so the table is never touched.
CREATE INDEX steps_usage_by_created ON steps (
  created_at, run_id, agent_id, model, prompt_tokens, completion_tokens, total_tokens, cached_tokens, reasoning_tokens
);
