import * as pdfjs from 'pdfjs-dist';
import { readScan } from '../../../renderer/batch/scan-pages';

/** Runs in Chromium (bundled by scan-pages.test.ts): reads the served files as the clerk's chosen files. */
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';

export async function readServed(names: readonly string[]) {
  const files = await Promise.all(
    names.map(async (name) => {
      const response = await fetch(`/files/${name}`);
      return new File([await response.blob()], name, { type: response.headers.get('content-type') ?? '' });
    }),
  );
  const progress: number[] = [];
  const read = await readScan(files, { loadPdfJs: async () => pdfjs, onProgress: (done) => progress.push(done) });
  if (!read.ok) return { ok: false as const, message: read.message };
  const { stack } = read;
  return {
    ok: true as const,
    kind: stack.kind,
    names: stack.kind === 'images' ? stack.files.map((file) => file.name) : [stack.file.name],
    readings: stack.pages.map((page) => page.reading),
    thumbnails: stack.pages.map((page) => ({ type: page.thumbnail.type, size: page.thumbnail.size })),
    progress,
  };
}
