// Long pure computations written as generators: `yield` marks a point where the work may
// pause. Run at once with runSteps; the server runs them with pauses so that it keeps answering
// other requests meanwhile (buildImportPlanYielding in app/people/import.server.ts).

/** Work that may pause at each `yield` and ends with a value. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to their end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
