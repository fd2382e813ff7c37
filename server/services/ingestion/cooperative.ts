import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * Ingestion runs on the server's only thread, so it hands the event loop a turn whenever it has
 * worked for `budgetMs` without one: requests (health, polling) keep being answered mid-ingest.
 */
export class Yielder {
  private since = performance.now()

  constructor(
    readonly signal: AbortSignal,
    private readonly budgetMs = 8,
  ) {}

  /** Yields when the budget is spent; throws the abort reason once the work was cancelled. */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.since >= this.budgetMs) await this.yieldNow()
    this.signal.throwIfAborted()
  }

  async yieldNow(): Promise<void> {
    await nextTurn()
    this.since = performance.now()
    this.signal.throwIfAborted()
  }
}

/** A failure whose message is fit to show the user as the file's error_message. */
export class IngestionError extends Error {
  override name = 'IngestionError'
}
