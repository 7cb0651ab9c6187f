// Team figures leave the server only as the pages show them: one decimal. A full-precision mean
// next to the members behind it is their exact sum, and two such sums subtract; rounded as
// shown they carry no more than the page does. No server code here (the components use the
// types).

/**
 * A figure as the pages show it: one decimal, rounded half away from zero on the number's
 * exact value, as formatScore (Intl.NumberFormat) rounds, so formatScore gives the same text
 * for the rounded and the unrounded figure. Never "-0".
 */
export function displayFigure(value: number): number {
  const rounded = Number(Math.abs(value).toFixed(1));
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The difference of two shown figures, as shown: from the rounded figures, so it adds up. */
export function displayDifference(shown: number, from: number): number {
  return displayFigure(displayFigure(shown) - displayFigure(from));
}
