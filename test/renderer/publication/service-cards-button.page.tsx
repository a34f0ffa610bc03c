import { createRoot } from 'react-dom/client';
import type { Letter } from '../../../core/letter/letter-schema';
import type { Problem } from '../../../core/letter/problem';
import { ServiceCardsButton } from '../../../renderer/publication/ServiceCardsButton';

/** Runs in Chromium (bundled by service-cards-button.test.ts): the button over a render and a save that record their calls. */
export interface Calls {
  readonly rendered: { readonly unit: string; readonly url: string | undefined }[];
  readonly saved: number[][];
}

export function mountButton(letter: Letter, address: string | null, refusal: Problem[] | null): void {
  const calls: Calls = { rendered: [], saved: [] };
  (window as unknown as { calls: Calls }).calls = calls;
  const bytes = new TextEncoder().encode('%PDF-1.7 cards');
  const render = async (given: Letter, url: string | undefined) => {
    calls.rendered.push({ unit: given.unit.name, url });
    return refusal ? { id: 1, ok: false as const, problems: refusal } : { id: 1, ok: true as const, bytes, pages: 1 };
  };
  const save = async (saved: Uint8Array) => {
    calls.saved.push([...saved]);
    return '已保存到 /exports/服务卡.pdf';
  };
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<ServiceCardsButton letter={letter} address={address ?? undefined} render={render} save={save} />);
}
