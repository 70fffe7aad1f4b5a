/**
 * Who may run at once among the processes a check starts from the PR's code (and the base's).
 *
 * Loader processes share the lanes, at most `loaderJobs` of them at a time across every ref and
 * both sides; a suite process takes every lane: it runs alone, never beside a loader or another
 * suite. A loader or a suite that binds a fixed port or holds a lock then cannot race another
 * copy of itself, and the same commits give the same verdict on every run.
 */
export class ProcessLanes {
  private shared = 0;
  private exclusive = false;
  /** Waiting exclusive holders go first: a stream of loader batches cannot starve a suite run. */
  private readonly waitingExclusive: Array<() => void> = [];
  private readonly waitingShared: Array<() => void> = [];

  /**
   * @param loaderJobs loader processes that may run at once across the whole check;
   *   undefined: no cap beyond each loader run's own (two processes a run, refs side by side).
   */
  constructor(readonly loaderJobs?: number) {}

  /** Runs `task` in a shared lane: a loader process. */
  async inShared<T>(task: () => Promise<T>): Promise<T> {
    while (this.exclusive || this.waitingExclusive.length > 0 || (this.loaderJobs !== undefined && this.shared >= this.loaderJobs)) {
      await new Promise<void>((resolve) => this.waitingShared.push(resolve));
    }
    this.shared += 1;
    try {
      return await task();
    } finally {
      this.shared -= 1;
      this.wake();
    }
  }

  /** Runs `task` alone: a suite process. */
  async alone<T>(task: () => Promise<T>): Promise<T> {
    if (this.exclusive || this.shared > 0 || this.waitingExclusive.length > 0) {
      // Woken with the lane already taken in its name (see wake).
      await new Promise<void>((resolve) => this.waitingExclusive.push(resolve));
    } else {
      this.exclusive = true;
    }
    try {
      return await task();
    } finally {
      this.exclusive = false;
      this.wake();
    }
  }

  /** Hands the lanes on: to the next exclusive holder once nothing runs, else to the shared waiters. */
  private wake(): void {
    if (this.exclusive) return;
    if (this.waitingExclusive.length > 0) {
      if (this.shared === 0) {
        // Taken in the waiter's name before it resumes, so that no task slips in between.
        this.exclusive = true;
        this.waitingExclusive.shift()!();
      }
      return;
    }
    for (const next of this.waitingShared.splice(0)) next();
  }
}
