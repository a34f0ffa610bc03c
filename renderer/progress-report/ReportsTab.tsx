import type { DeliveredLetterProps } from '../progress/delivered-letter';

/** Placeholder while the report screens are built this session; replaced before the session ends. */
export function ReportsTab(_props: DeliveredLetterProps) {
  return null;
}
