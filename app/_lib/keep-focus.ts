// Keeps keyboard focus near where it was when the element holding it goes away a moment later
// (a dialog's trigger replaced after the page refreshes, a row removed, a button disabled):
// focus moves to the first control still there in the closest surrounding box that remains,
// else to the page's heading, so it never falls back to the top of the page.
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

function visible(element: HTMLElement) {
  return element.getClientRects().length > 0;
}

function fallbackFor(ancestors: HTMLElement[]) {
  for (const box of ancestors) {
    if (!box.isConnected) continue;
    const control = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].find(visible);
    if (control) return control;
  }
  const heading = document.querySelector<HTMLElement>("main h1");
  if (heading && !heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  return heading;
}

const lost = () => document.activeElement === null || document.activeElement === document.body;

// Watches for `ms` milliseconds after the call, until the person moves focus themselves or uses
// the mouse; returns a function that stops watching.
export function keepFocusNear(element: HTMLElement, ms = 10_000) {
  const ancestors: HTMLElement[] = [];
  // Up to the main region: beyond it lie the navigation and the header, not "near".
  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
    ancestors.push(box);
    if (box.tagName === "MAIN") break;
  }
  const check = () => {
    if (!lost()) return;
    if (element.isConnected && visible(element) && !(element as HTMLButtonElement).disabled) {
      element.focus();
      return;
    }
    fallbackFor(ancestors)?.focus();
  };
  const observer = new MutationObserver(check);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    document.removeEventListener("focusin", movedOn);
    document.removeEventListener("pointerdown", stop);
  };
  const movedOn = (e: FocusEvent) => {
    if (e.target !== element) stop();
  };
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled", "class", "hidden"] });
  const timer = window.setTimeout(stop, ms);
  document.addEventListener("focusin", movedOn);
  document.addEventListener("pointerdown", stop);
  // It may already be gone.
  check();
  return stop;
}
