import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rotateAndSkewTextRadiansAndTranslate,
  setFillingGrayscaleColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFPage,
} from 'pdf-lib';
import { t } from '../i18n/translate';
import type { FontMetrics } from '../layout/font-metrics';
import { MM, TYPE_AREA } from '../layout/page-geometry';
import { round, textPieces, type EmbeddedFaces } from './text-document';

/**
 * The diagonal "草稿" across every page of a PDF that is not the approved letter, so a draft
 * export is never taken for the signed one. It is real text, drawn first and in a light grey, so
 * the letter's own text stays on top and readable. Text extractors take diagonal letters one by
 * one, so a line in the top margin says it again, horizontally, with what it means.
 */

/** Two characters across most of the page: seen at a glance, even on a photocopy. */
const SIZE = 200;
const GREY = 0.8;
const NOTICE_SIZE = 12;
const NOTICE_GREY = 0.4;
/** Halfway up the top margin. */
const NOTICE_BASELINE = TYPE_AREA.top + 14 * MM;
/** CJK faces centre the ideographic em box 0.38 em above the baseline. */
const EM_BOX_CENTRE = 0.38;

/**
 * What the watermark draws, in the title's faces: stretches of one face each, so their characters
 * are in that face's subset (a character the installed face lacks comes from the bundled one).
 */
export function draftWatermarkRuns(title: FontMetrics): { face: string; text: string }[] {
  const { text, notice } = draftWatermarkParts(title);
  return [...text, ...notice];
}

/** The diagonal mark and the notice line, each in stretches of one face. */
export function draftWatermarkParts(title: FontMetrics): { text: { face: string; text: string }[]; notice: { face: string; text: string }[] } {
  return { text: faceStretches(t('pdf.draft-watermark'), title), notice: faceStretches(t('pdf.draft-notice'), title) };
}

/**
 * Where the mark goes on a page of `width` × `height` and in which grey, given how wide the notice
 * is at a size. Exported so the edit preview (renderer/pdf/plan-canvas-drawing.ts) draws it where the PDF does.
 */
export function draftWatermarkPlacement(width: number, height: number, noticeWidthAt: (size: number) => number) {
  const angle = Math.atan2(height, width);
  const chars = [...t('pdf.draft-watermark')].length;
  const length = chars * SIZE;
  // The text's own centre, turned with the text, lands on the page's centre.
  const [cx, cy] = [length / 2, EM_BOX_CENTRE * SIZE];
  const x = width / 2 - (cx * Math.cos(angle) - cy * Math.sin(angle));
  const y = height / 2 - (cx * Math.sin(angle) + cy * Math.cos(angle));
  return {
    text: { angle, x: round(x), y: round(y), size: SIZE, grey: GREY },
    notice: { x: round((width - noticeWidthAt(NOTICE_SIZE)) / 2), y: round(NOTICE_BASELINE), size: NOTICE_SIZE, grey: NOTICE_GREY },
  };
}

export function drawDraftWatermark(page: PDFPage, faces: EmbeddedFaces, title: FontMetrics): void {
  const { text, notice } = draftWatermarkParts(title);
  const { width, height } = page.getSize();
  const place = draftWatermarkPlacement(width, height, (size) =>
    notice.reduce((sum, part) => sum + textPieces(page, faces, part.face, part.text).reduce((w, piece) => w + piece.font.widthOfTextAtSize(piece.text, size), 0), 0),
  );
  // Within one text object each show moves the text position on, so a change of face mid-text is seamless.
  const show = (parts: readonly { face: string; text: string }[], size: number) =>
    parts.flatMap((part) => textPieces(page, faces, part.face, part.text).flatMap((piece) => [setFontAndSize(piece.key, size), showText(piece.font.encodeText(piece.text))]));
  page.pushOperators(
    pushGraphicsState(),
    setFillingGrayscaleColor(place.text.grey),
    beginText(),
    rotateAndSkewTextRadiansAndTranslate(place.text.angle, 0, 0, place.text.x, place.text.y),
    ...show(text, place.text.size),
    setFillingGrayscaleColor(place.notice.grey),
    setTextMatrix(1, 0, 0, 1, place.notice.x, place.notice.y),
    ...show(notice, place.notice.size),
    endText(),
    popGraphicsState(),
  );
}

function faceStretches(text: string, metrics: FontMetrics): { face: string; text: string }[] {
  const parts: { face: string; text: string }[] = [];
  for (const char of text) {
    const face = metrics.faceOf(char.codePointAt(0) ?? 0);
    const last = parts[parts.length - 1];
    if (last?.face === face) last.text += char;
    else parts.push({ face, text: char });
  }
  return parts;
}
