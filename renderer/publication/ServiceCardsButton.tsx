import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import { saveFile } from '../bridge/save-file';
import { renderServiceCardsInWorker } from '../pdf/pdf-renderer';
import type { RenderResponse } from '../pdf/render-protocol';

export interface ServiceCardsButtonProps {
  /** The letter, validated. */
  readonly letter: Letter;
  /** The letter's public address for the cards' QR code; without it the cards carry none. */
  readonly address: string | undefined;
  /** Makes the cards: by default the PDF worker, which holds the document fonts the letter's PDF is drawn in. */
  readonly render?: (letter: Letter, url: string | undefined) => Promise<RenderResponse>;
  /** Saves the PDF and says where it went: by default through the shell's save-file call. */
  readonly save?: (bytes: Uint8Array) => Promise<string>;
}

type State = { readonly kind: 'idle' } | { readonly kind: 'saving' } | { readonly kind: 'done'; readonly message: string } | { readonly kind: 'refused'; readonly problems: readonly string[] };

const saveCards = (bytes: Uint8Array) => saveFile('pdf', t('ui.service-cards.file-name'), bytes);

/**
 * 生成服务卡（PDF）: the letter's 政务承诺服务卡, one per service item, ten to an A4 sheet, saved as
 * 服务卡.pdf. Says beforehand when there is no address (no QR code) or no service item (no card),
 * and lists what stops the cards (a service too long for a card) in the words of core/service-cards.
 */
export function ServiceCardsButton({ letter, address, render = renderServiceCardsInWorker, save = saveCards }: ServiceCardsButtonProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const hasServices = letter.items.some((item) => item.category === 'service');
  const url = address?.trim() || undefined;

  const make = async () => {
    setState({ kind: 'saving' });
    const response = await render(letter, url);
    if (response.ok) setState({ kind: 'done', message: await save(response.bytes) });
    else if ('problems' in response) setState({ kind: 'refused', problems: response.problems.map((p) => p.message) });
    else setState({ kind: 'done', message: t('ui.service-cards.failed', { reason: response.error }) });
  };

  return (
    <div className="service-cards" data-testid="service-cards">
      <p className="field-hint">{hasServices ? t('ui.service-cards.explain') : t('ui.service-cards.none')}</p>
      {hasServices && url === undefined && <p className="field-hint">{t('ui.service-cards.no-address')}</p>}
      <button type="button" onClick={() => void make()} disabled={!hasServices || state.kind === 'saving'}>
        {state.kind === 'saving' ? t('ui.service-cards.saving') : t('ui.service-cards.save')}
      </button>
      {state.kind === 'done' && (
        <p role="status" data-testid="service-cards-status">
          {state.message}
        </p>
      )}
      {state.kind === 'refused' && (
        <ul role="alert" data-testid="service-cards-problems">
          {state.problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
