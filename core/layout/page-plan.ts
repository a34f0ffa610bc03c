/** A laid-out letter: what goes where on which page, before any PDF exists. */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A stretch of text drawn in one face at one size; `tracking` is extra space after each character. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** The id of the face (see FontMetrics.faceOf), so a run never mixes faces. */
  readonly face: string;
  readonly size: number;
  readonly tracking: number;
}

export type LineRole = 'title' | 'info' | 'body' | 'heading' | 'item' | 'signature';

export interface PlanLine {
  /** Grid row on its page, 0–21. */
  readonly row: number;
  readonly role: LineRole;
  readonly text: string;
  readonly runs: readonly TextRun[];
}

export interface PlanPage {
  readonly lines: readonly PlanLine[];
  /** `— 1 —`, in runs like any line (a face may lack the dash but have the digits). */
  readonly pageNumber: { readonly text: string; readonly runs: readonly TextRun[] };
}

export interface SignaturePlan {
  /** Zero-based page index. */
  readonly page: number;
  /** Where the principal signs; the empty AcroForm signature field goes here. */
  readonly field: Rect;
  /** Where the unit's seal goes, over the unit name and date; absent on a personal letter. */
  readonly seal?: { readonly cx: number; readonly cy: number; readonly r: number };
}

export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** 成文日期, `YYYY-MM-DD`: also the PDF's creation date, so the same letter gives the same bytes. */
  readonly date: string;
}

export interface PagePlan {
  readonly width: number;
  readonly height: number;
  readonly pages: readonly PlanPage[];
  readonly signature: SignaturePlan;
  readonly info: DocumentInfo;
}
