import type { Locator } from '@playwright/test';

/** A control whose centre, once scrolled into view, belongs to something else. */
export interface CoveredControl {
  readonly control: string;
  readonly hit: string;
}

/**
 * Scrolls every visible control inside `root` into view and asks the browser what lies at its
 * centre (`document.elementFromPoint`), as a click there would. A control is reachable when the
 * answer is the control itself or inside it (a label's text, an icon). Hidden file inputs are left
 * out: the visible button that labels them is checked instead.
 */
export async function coveredControls(root: Locator): Promise<{ checked: number; covered: CoveredControl[] }> {
  return root.evaluate((element) => {
    const describe = (el: Element | null): string => {
      if (!el) return '(nothing)';
      const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} “${name.trim().slice(0, 40)}”`;
    };
    const controls = [...element.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')].filter((el) => {
      if (el instanceof HTMLInputElement && el.type === 'file') return false;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    });
    const covered: { control: string; hit: string }[] = [];
    for (const control of controls) {
      control.scrollIntoView({ block: 'center', inline: 'center' });
      const box = control.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || (hit !== control && !control.contains(hit))) covered.push({ control: describe(control), hit: describe(hit) });
    }
    return { checked: controls.length, covered };
  });
}
