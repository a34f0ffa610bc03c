import { createLetter } from './app-actions';
import { expect, test } from './fixtures';

/** Dark pixels on a page canvas: a page drawn blank (fonts not loaded, say) has none. */
const INKED_PIXELS = `(canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 100) inked += 1;
  return inked;
}`;

test('the edit preview is drawn from the page plan and follows typing', async ({ appPage: page }) => {
  await createLetter(page);
  const preview = page.getByTestId('pdf-preview');
  const first = preview.getByRole('img', { name: '第 1 页' });
  await expect(first).toBeVisible({ timeout: 20_000 });
  // The canvas text drawing, not pdf.js (test/renderer/pdf/plan-canvas-agreement.test.ts holds the two to one picture).
  await expect(preview).toHaveAttribute('data-drawn-from', 'plan');
  const inkedBefore = (await first.evaluate(`(${INKED_PIXELS})(document.querySelector('[data-testid="pdf-preview"] canvas'))`)) as number;
  expect(inkedBefore).toBeGreaterThan(1000);

  const drawnAt = await preview.getAttribute('data-rendered-at');
  const statement = page.getByRole('textbox', { name: '承诺正文' });
  await statement.fill('本镇承诺：受理群众诉求后三个工作日内答复。');
  await expect(preview).not.toHaveAttribute('data-rendered-at', drawnAt ?? '');
  await expect(preview).toHaveAttribute('data-drawn-from', 'plan');
  const inkedAfter = (await first.evaluate(`(${INKED_PIXELS})(document.querySelector('[data-testid="pdf-preview"] canvas'))`)) as number;
  expect(inkedAfter).toBeGreaterThan(1000);
  // A shorter statement leaves less ink on page one: the page was drawn again from the new plan.
  expect(inkedAfter).not.toBe(inkedBefore);
});
