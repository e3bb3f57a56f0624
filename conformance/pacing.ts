// Pacing of the suite's stimuli (the suite is a certifier, not a load generator): a gate that lets
// N holders through at once (triggers: one at a time by default, since a vendor's trigger may
// start a JVM, sign with one USB token, or be a person at the manual driver), and a rate gate that
// spaces the documents injected into the SUT's mailboxes.

export interface Gate {
  /** Waits for a free place (first come, first served); resolves with the release function. */
  enter(signal?: AbortSignal): Promise<() => void>;
}

export function createGate(limit: number): Gate {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`gate limit must be a positive integer, got ${limit}`);
  let inside = 0;
  const queue: { admit: () => void }[] = [];
  const admitNext = () => {
    while (inside < limit && queue.length) {
      inside++;
      queue.shift()!.admit();
    }
  };
  return {
    enter(signal) {
      return new Promise((resolve, reject) => {
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          inside--;
          admitNext();
        };
        const waiter = {
          admit: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        const onAbort = () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(signal?.reason ?? new Error('aborted'));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        admitNext();
      });
    },
  };
}

/** Passes one after the other, each at least 1/`perSecond` s after the previous one went through. */
export function createRateGate(perSecond: number, now: () => number = Date.now): { pass(signal?: AbortSignal): Promise<void> } {
  if (!(perSecond > 0)) throw new RangeError(`rate must be positive, got ${perSecond}`);
  const spacingMs = 1000 / perSecond;
  let previous: number | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  return {
    pass(signal) {
      const turn = chain.then(async () => {
        // Timers may fire early by a millisecond: wait until the spacing has really passed.
        while (previous !== undefined && now() - previous < spacingMs) await sleep(previous + spacingMs - now(), signal);
        previous = now();
      });
      chain = turn.catch(() => undefined);
      return turn;
    },
  };
}
