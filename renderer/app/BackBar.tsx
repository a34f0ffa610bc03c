import type { ReactNode } from 'react';
import { t } from '../../core/i18n/translate';

/** The row above a screen's title: the way back to the list, and whatever the screen shows beside it. */
export function BackBar({ onBack, children }: { onBack: () => void; children?: ReactNode }) {
  return (
    <div className="draft-view__top">
      <button type="button" onClick={onBack}>
        ← {t('ui.back')}
      </button>
      {children}
    </div>
  );
}
