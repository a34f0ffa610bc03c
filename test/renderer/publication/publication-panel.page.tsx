import { createRoot } from 'react-dom/client';
import type { PosterFacts } from '../../../core/publication/poster-layout';
import { PublicationPanel, type PublicationServices } from '../../../renderer/publication/PublicationPanel';

/** Runs in Chromium (bundled by publication-panel.test.ts): the panel over services that record their calls. */
export interface Calls {
  readonly read: string[];
  readonly posters: { readonly address: string; readonly size: string; readonly unit: string }[];
  readonly saved: { readonly kind: string; readonly name: string; readonly bytes: number[] }[];
}

export function mountPanel(packageBytes: number[], platform: string | null, delivered: boolean, commitmentCode: string | null): void {
  const calls: Calls = { read: [], posters: [], saved: [] };
  (window as unknown as { calls: Calls }).calls = calls;
  const services: PublicationServices = {
    readPackage: async (id) => (calls.read.push(id), new Uint8Array(packageBytes)),
    platformAddress: async () => platform,
    renderPoster: async (facts: PosterFacts) => {
      calls.posters.push({ address: facts.address, size: facts.size, unit: facts.letter.unit.name });
      return { id: 1, ok: true, bytes: new TextEncoder().encode('%PDF-1.7 poster'), pages: 1 };
    },
    save: async (kind, name, bytes) => (calls.saved.push({ kind, name, bytes: [...bytes] }), `已保存到 /exports/${name}`),
  };
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<PublicationPanel submissionId="0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b" delivered={delivered} commitmentCode={commitmentCode ?? undefined} services={services} />);
}
