import * as pdfjs from 'pdfjs-dist';
import { createRoot } from 'react-dom/client';
import type { PrintedBatch } from '../../../core/batch-print/split-scan';
import type { DraftRecord } from '../../../core/drafts/draft-record';
import type { DraftStore } from '../../../renderer/store/draft-store';
import { ScanSplitPanel, type ScanSplitLetter } from '../../../renderer/batch/ScanSplitPanel';

/** Runs in Chromium (bundled by scan-split-panel.test.ts): the panel over a store that only records what is attached. */
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';

export interface Attached {
  readonly draftId: string;
  readonly name: string;
  readonly type: string;
  readonly bytes: number[];
  readonly turns: number;
}

export function mountPanel(printed: PrintedBatch, members: readonly { key: string; name: string }[]): void {
  const attached: ({ -readonly [K in keyof Attached]: Attached[K] } & { id: string })[] = [];
  (window as unknown as { attached: typeof attached }).attached = attached;
  const store = {
    attachments: async (draftId: string) => attached.filter((a) => a.draftId === draftId).map((a) => ({ ...a, size: a.bytes.length, approvalSha256: 'a'.repeat(64) })),
    addAttachment: async (draftId: string, copy: { name: string; type: string; bytes: Uint8Array }) => {
      const record = { id: `attachment-${attached.length + 1}`, draftId, name: copy.name, type: copy.type, bytes: [...copy.bytes], turns: 0 };
      attached.push(record);
      return { ...record, bytes: copy.bytes, size: copy.bytes.length };
    },
    rotateAttachment: async (id: string) => {
      const record = attached.find((a) => a.id === id);
      if (record) record.turns += 1;
    },
  } as unknown as DraftStore;
  const letters = new Map<string, ScanSplitLetter>(
    members.map(({ key, name }) => [key, { name, draft: { id: key, status: 'approved', review: { pdfSha256: 'a'.repeat(64) } } as unknown as DraftRecord }]),
  );
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<ScanSplitPanel printed={printed} letters={letters} store={store} loadPdfJs={async () => pdfjs} />);
}
