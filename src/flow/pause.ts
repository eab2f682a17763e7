/** A wait that an `AbortSignal` can cut short: for the retries of a capabilities load and of a chunk import. */

/** Resolves after `ms`, or rejects with the signal's reason once it is aborted (leaving no timer behind). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal?.addEventListener("abort", stop, { once: true });
  });
}
