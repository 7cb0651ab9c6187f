import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Accessibility checks with @axe-core/playwright in its legacy mode: axe runs in the page
// itself. The default mode finishes every run in a newly opened blank page, which made each
// check take 2–12 s on this machine; our pages have no frames, which is all legacy mode
// gives up.

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The accessibility violations axe-core finds in the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (page.frames().length > 1) throw new Error("axeViolations does not look inside frames");
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Fails the test when axe-core finds a violation of WCAG 2.1 A/AA or a best practice. */
export async function expectAxeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/**
 * The 320 px check in the page visit at hand: narrows the viewport to 320 px, expects no
 * horizontal scrolling (and, with `axe`, no axe violations in the narrow layout), then
 * restores the viewport, so the test goes on as before.
 */
export async function expectFitsNarrowScreen(page: Page, options: { axe?: boolean } = {}) {
  const width = 320;
  const original = page.viewportSize();
  await page.setViewportSize({ width, height: original?.height ?? 700 });
  try {
    // The checks must see the narrow layout, never the one from before the resize.
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
    await expectNoHorizontalScroll(page);
    if (options.axe) await expectAxeClean(page);
  } finally {
    if (original) await page.setViewportSize(original);
  }
}
