// Team figures leave the server only as the pages show them: one decimal. A full-precision mean
// next to the members behind it is their exact sum, and two such sums subtract; rounded as
// shown they carry no more than the page does. No server code here (the components use the
// types).
import { roundForDisplay } from "~/reports/format";

/**
 * A figure as the pages show it: one decimal, rounded as the report's figures are
 * (roundForDisplay, the rounding of formatScore), so formatScore gives the same text for the
 * rounded and the unrounded figure and a team page and a report never round one value apart.
 * Never "-0".
 */
export function displayFigure(value: number): number {
  // Not toFixed: it gives 1.4 for 1.45, where formatScore shows 1,5.
  return roundForDisplay(value) || 0;
}

/** The difference of two shown figures, as shown: from the rounded figures, so it adds up. */
export function displayDifference(shown: number, from: number): number {
  return displayFigure(displayFigure(shown) - displayFigure(from));
}
