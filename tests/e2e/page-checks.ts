// The page checks every page passes (tests/e2e/pages.spec.ts), for specs that also check a page
// in a state only they reach: no serious or critical accessibility finding (axe-core, WCAG 2.2 A
// and AA rules), and nothing panning sideways. A spec using them needs
// `test.use({ bypassCSP: true })`: axe is injected as a script, which the app's
// Content-Security-Policy (nonces only) refuses.
import type { Page } from "@playwright/test";
import axe from "axe-core";

const axeSource: string = axe.source;

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export async function axeFindings(page: Page, label: string): Promise<Finding[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      // Off by default as experimental: a control's spoken name must contain its visible text
      // (WCAG 2.5.3), so a person using voice control can say what they see.
      rules: { "label-content-name-mismatch": { enabled: true } },
      resultTypes: ["violations"],
    });
  });
  type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
  return (results.violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

// How far the page pans sideways, and the elements that stick out past the window's right edge.
export async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const pans = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (pans > 0) {
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          // Only the outermost: an element inside a scrolling region does not pan the page.
          let scrolls = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "scroll" || o === "hidden") scrolls = true;
          }
          if (!scrolls)
            culprits.push(
              `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} (${Math.round(r.right)}px)`,
            );
        }
      }
    }
    return { pans, culprits: culprits.slice(0, 6) };
  });
}
