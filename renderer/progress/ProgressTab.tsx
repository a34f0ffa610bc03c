import type { DeliveredLetterProps } from './delivered-letter';

/** Placeholder while the 践诺 screen is built this session; replaced before the session ends. */
export function ProgressTab(_props: DeliveredLetterProps) {
  return null;
}
