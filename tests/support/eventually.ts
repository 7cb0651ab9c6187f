/**
 * Waits (polling, at most `attempts` × 10 ms) until `check` returns a value other than
 * undefined. For work a route starts after it has answered (a mail, the reports of a release).
 */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  attempts = 1000,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("The expected state was not reached");
}
