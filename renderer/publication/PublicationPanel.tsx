import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import { letterTitle } from '../../core/letter/letter-title';
import { verifyPackage } from '../../core/package/verify-package';
import { portalFolder, portalFolderZip } from '../../core/publication/portal-folder';
import { POSTER_SIZES, type PosterFacts, type PosterSize } from '../../core/publication/poster-layout';
import { publicAddress } from '../../core/publication/public-address';
import { publicLetter, type PublicLetter } from '../../core/publication/public-letter';
import { errorText } from '../../core/errors/error-text';
import { desktop } from '../bridge/desktop';
import { saveFile } from '../bridge/save-file';
import { renderPosterInWorker } from '../pdf/pdf-renderer';
import type { RenderResponse } from '../pdf/render-protocol';
import { fromBase64 } from '../shared/to-base64';
import { ServiceCardsButton } from './ServiceCardsButton';

/** What the panel needs of the host; the defaults go through the bridge and the PDF worker, a test gives its own. */
export interface PublicationServices {
  readPackage(submissionId: string): Promise<Uint8Array>;
  /** The platform's address from the connection settings, or null when none is set. */
  platformAddress(): Promise<string | null>;
  renderPoster(facts: PosterFacts): Promise<RenderResponse>;
  /** Saves and says where the file went. */
  save(kind: 'zip' | 'pdf', name: string, bytes: Uint8Array): Promise<string>;
}

const bridgeServices: PublicationServices = {
  readPackage: async (submissionId) => fromBase64((await desktop.call('outbox.readPackage', { submissionId })).base64),
  platformAddress: async () => (await desktop.call('outbox.getConnection')).endpoint,
  renderPoster: renderPosterInWorker,
  save: saveFile,
};

export interface PublicationPanelProps {
  readonly submissionId: string;
  /** Whether the platform has the letter: before, its public address shows nothing yet. */
  readonly delivered: boolean;
  /** 承诺编码 from the receipt: a civil servant's letter is addressed by it. */
  readonly commitmentCode?: string | undefined;
  readonly services?: PublicationServices;
}

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'ready'; readonly letter: Letter; readonly shown: PublicLetter; readonly files: ReadonlyMap<string, Uint8Array>; readonly needsCode: boolean };

/**
 * 公示材料 of a letter in the outbox, made from its package: the folder for the unit's own portal
 * (门户网站公示, a .zip to unpack and upload as it is), the service-hall poster and the service
 * cards, all pointing to one public address, prefilled from the connection's platform and editable.
 * The package is read only when the panel is opened: a batch lists hundreds of letters.
 */
export function PublicationPanel({ submissionId, delivered, commitmentCode, services = bridgeServices }: PublicationPanelProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [address, setAddress] = useState('');
  const [size, setSize] = useState<PosterSize>('a3');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const load = async () => {
    if (loaded !== null) return;
    setLoaded({ kind: 'loading' });
    try {
      const [bytes, platform] = await Promise.all([services.readPackage(submissionId), services.platformAddress()]);
      const check = verifyPackage(bytes);
      if (!check.ok) return setLoaded({ kind: 'failed', reason: check.reason });
      const shown = publicLetter(check.letter);
      const found = publicAddress(shown, { platform: platform ?? undefined, commitmentCode });
      setAddress(found.ok ? found.url : '');
      setLoaded({ kind: 'ready', letter: check.letter, shown, files: check.files, needsCode: !found.ok && found.reason === 'needs-code' });
    } catch (error) {
      setLoaded({ kind: 'failed', reason: errorText(error) });
    }
  };

  const url = address.trim();
  const make = async (what: 'folder' | 'poster') => {
    if (loaded?.kind !== 'ready' || url === '') return;
    setBusy(true);
    setMessage(null);
    try {
      const poster = await services.renderPoster({ letter: loaded.shown, address: url, size });
      if (!poster.ok) return setMessage(t('ui.publication.poster-failed', { reason: 'error' in poster ? poster.error : poster.problems.map((p) => p.message).join('；') }));
      const title = letterTitle(loaded.shown);
      if (what === 'poster') return setMessage(await services.save('pdf', t('ui.publication.poster-file-name', { title }), poster.bytes));
      const folder = portalFolder({ letter: loaded.shown, files: loaded.files, address: url, poster: poster.bytes });
      setMessage(await services.save('zip', t('ui.publication.folder-file-name', { title }), portalFolderZip(folder)));
    } catch (error) {
      setMessage(t('ui.publication.poster-failed', { reason: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="publication" data-testid="publication-panel" onToggle={(event) => event.currentTarget.open && void load()}>
      <summary>{t('ui.publication.title')}</summary>
      {!delivered && <p className="field-hint" data-testid="publication-not-delivered">{t('ui.publication.not-delivered')}</p>}
      {loaded?.kind === 'loading' && <p role="status">{t('ui.publication.loading')}</p>}
      {loaded?.kind === 'failed' && <p className="error">{t('ui.publication.failed', { reason: loaded.reason })}</p>}
      {loaded?.kind === 'ready' && (
        <>
          <label className="field">
            <span>{t('ui.publication.address')}</span>
            <input type="url" value={address} onChange={(event) => setAddress(event.target.value)} data-testid="publication-address" />
          </label>
          <p className="field-hint">{loaded.needsCode && url === '' ? t('ui.publication.needs-code') : url === '' ? t('ui.publication.no-address') : t('ui.publication.address-hint')}</p>
          <div className="publication__actions">
            <div>
              <button type="button" onClick={() => void make('folder')} disabled={busy || url === ''}>
                {busy ? t('ui.publication.saving') : t('ui.publication.folder')}
              </button>
              <p className="field-hint">{t('ui.publication.folder-hint')}</p>
            </div>
            <div>
              <label className="field">
                <span>{t('ui.publication.poster-size')}</span>
                <select value={size} onChange={(event) => setSize(event.target.value as PosterSize)}>
                  {POSTER_SIZES.map((option) => (
                    <option key={option} value={option}>
                      {option.toUpperCase()}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => void make('poster')} disabled={busy || url === ''}>
                {busy ? t('ui.publication.saving') : t('ui.publication.poster')}
              </button>
            </div>
          </div>
          {message && (
            <p role="status" data-testid="publication-status">
              {message}
            </p>
          )}
          <ServiceCardsButton letter={loaded.letter} address={url === '' ? undefined : url} />
        </>
      )}
    </details>
  );
}
