/**
 * Sends the latest of a stream of values at most once per interval: the
 * first at once, then whatever is newest when the interval ends. Values
 * offered in between are coalesced, never queued.
 */
export class ThrottledSender<T> {
  private pending: { value: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSentAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  offer(value: T): void {
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0 && !this.timer) {
      this.flush(value);
      return;
    }
    this.pending = { value };
    this.timer ??= setTimeout(
      () => {
        this.timer = undefined;
        if (this.pending) this.flush(this.pending.value);
      },
      Math.max(0, wait),
    );
  }

  /** Drops anything not yet sent. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private flush(value: T): void {
    this.pending = undefined;
    this.lastSentAt = this.now();
    this.send(value);
  }
}
