// Everything the bench starts (app processes, nginx, the Resend stand-in, scratch
// databases and directories) registers how to undo it here, and is undone at the end,
// on Ctrl-C and on failure. Undoing runs last-in first-out (servers stop before their
// database is dropped), and each step at most once.

type Step = { name: string; undo: () => Promise<void> | void; /** for process exit, where nothing async can run */ undoNow?: () => void };

const steps: Step[] = [];
let running: Promise<void> | null = null;
let interrupted = false;

/** True once Ctrl-C (or another stop signal) arrived: what fails after it is only the bench being stopped. */
export const wasInterrupted = () => interrupted;

/** Registers an undo step; returns a function that runs it now (and removes it). */
export function onCleanup(name: string, undo: Step["undo"], undoNow?: Step["undoNow"]): () => Promise<void> {
  const step: Step = { name, undo, undoNow };
  steps.push(step);
  return async () => {
    const at = steps.indexOf(step);
    if (at < 0) return;
    steps.splice(at, 1);
    await step.undo();
  };
}

/** Runs every registered step, newest first; a failing step is reported and the rest still run. */
export function cleanUp(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      try {
        await step.undo();
      } catch (error) {
        console.error(`bench cleanup: ${step.name}: ${(error as Error).message}`);
      }
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping what the bench started...`);
    void cleanUp().finally(() => process.exit(130));
  });
}
// process.exit() from anywhere (a failed migration, say), or a step registered while the
// others were being undone: only synchronous undoing is possible.
process.on("exit", () => {
  while (steps.length > 0) {
    const step = steps.pop()!;
    try {
      step.undoNow?.();
    } catch {
      // exiting anyway
    }
  }
});
