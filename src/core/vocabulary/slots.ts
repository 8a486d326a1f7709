/**
 * At most `count` holders at once; the others wait in order. A holder that
 * lets go hands its slot straight to the first in line, so no newcomer can
 * slip in between and make one more than `count`.
 */
export class Slots {
  private held = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly count: number;

  constructor(count: number) {
    this.count = Math.max(1, Math.floor(count));
  }

  /** Resolves once a slot is this caller's; call the function it gives to let go (once). */
  async take(): Promise<() => void> {
    if (this.held >= this.count) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.held--;
    };
  }

  /** `work`, run in a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.take();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
