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
import type { FaceKey } from '../layout/font-metrics';
import { MM, TYPE_AREA } from '../layout/page-geometry';
import { faceOn, round, type EmbeddedFaces } from './text-document';

/**
 * The diagonal "草稿" across every page of a PDF that is not the approved letter, so a draft
 * export is never taken for the signed one. It is real text, drawn first and in a light grey, so
 * the letter's own text stays on top and readable. Text extractors take diagonal letters one by
 * one, so a line in the top margin says it again, horizontally, with what it means.
 */

const FACE: FaceKey = 'serif-bold';
/** Two characters across most of the page: seen at a glance, even on a photocopy. */
const SIZE = 200;
const GREY = 0.8;
const NOTICE_SIZE = 12;
const NOTICE_GREY = 0.4;
/** Halfway up the top margin. */
const NOTICE_BASELINE = TYPE_AREA.top + 14 * MM;
/** CJK faces centre the ideographic em box 0.38 em above the baseline. */
const EM_BOX_CENTRE = 0.38;

/** What the watermark draws, so its characters are in the face's subset. */
export function draftWatermarkRuns(): { face: FaceKey; text: string }[] {
  return [{ face: FACE, text: t('pdf.draft-watermark') + t('pdf.draft-notice') }];
}

export function drawDraftWatermark(page: PDFPage, faces: EmbeddedFaces): void {
  const text = t('pdf.draft-watermark');
  const notice = t('pdf.draft-notice');
  const { font, key } = faceOn(page, faces, FACE);
  const { width, height } = page.getSize();
  const angle = Math.atan2(height, width);
  const chars = [...text].length;
  const length = chars * SIZE;
  // The text's own centre, turned with the text, lands on the page's centre.
  const [cx, cy] = [length / 2, EM_BOX_CENTRE * SIZE];
  const x = width / 2 - (cx * Math.cos(angle) - cy * Math.sin(angle));
  const y = height / 2 - (cx * Math.sin(angle) + cy * Math.cos(angle));
  page.pushOperators(
    pushGraphicsState(),
    setFillingGrayscaleColor(GREY),
    beginText(),
    setFontAndSize(key, SIZE),
    rotateAndSkewTextRadiansAndTranslate(angle, 0, 0, round(x), round(y)),
    showText(font.encodeText(text)),
    setFillingGrayscaleColor(NOTICE_GREY),
    setFontAndSize(key, NOTICE_SIZE),
    setTextMatrix(1, 0, 0, 1, round((width - font.widthOfTextAtSize(notice, NOTICE_SIZE)) / 2), round(NOTICE_BASELINE)),
    showText(font.encodeText(notice)),
    endText(),
    popGraphicsState(),
  );
}
