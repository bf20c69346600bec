export interface CommandCooldownOptions {
  /** Window the counts cover, in milliseconds. Default 60,000. */
  windowMs?: number;
  /** Commands one person may give on one pull request per window. Default 2. */
  perSender?: number;
  /** Commands everyone together may give on one pull request per window. Default 6. */
  perPullRequest?: number;
  /** Pull requests remembered; the least recently used is forgotten first. Default 10,000. */
  maxTracked?: number;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * Stops `/scaling-report` spam before it costs a request: past the limits,
 * a command is ignored without a reply (a refusal per comment would itself
 * be spam). One instance per process; with several web processes each
 * counts its own share.
 */
export class CommandCooldown {
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly recent = new Map<string, { at: number; sender: string }[]>();

  constructor(private readonly options: CommandCooldownOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Records a command and returns true, or returns false when a limit is reached. */
  take(pullRequest: string, sender: string): boolean {
    const now = this.now();
    const kept = (this.recent.get(pullRequest) ?? []).filter(
      (command) => now - command.at < this.windowMs,
    );
    const bySender = kept.filter((command) => command.sender === sender).length;
    const allowed =
      bySender < (this.options.perSender ?? 2) &&
      kept.length < (this.options.perPullRequest ?? 6);
    if (allowed) {
      kept.push({ at: now, sender });
    }
    this.recent.delete(pullRequest);
    this.recent.set(pullRequest, kept);
    this.forgetOldest();
    return allowed;
  }

  private forgetOldest(): void {
    const max = Math.max(1, this.options.maxTracked ?? 10_000);
    for (const key of this.recent.keys()) {
      if (this.recent.size <= max) {
        return;
      }
      this.recent.delete(key);
    }
  }
}
