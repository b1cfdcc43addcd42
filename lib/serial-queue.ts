/**
 * A queue that runs async tasks one after another, in the order they were queued; a failing task
 * does not stop the ones behind it. Used for the process's single writer (lib/db/exclusive.ts) and for
 * PDF rendering (lib/assessment/create-report.ts).
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
