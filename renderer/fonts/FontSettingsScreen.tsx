import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { MAX_FONT_BYTES, type FontChoices, type InstalledFace } from '../../core/bridge/desktop-api';
import { errorText } from '../../core/errors/error-text';
import { BUNDLED_FACES } from '../../core/fonts/bundled-faces';
import { FONT_ROLES, OFFICIAL_FAMILIES, type FontRole } from '../../core/fonts/font-roles';
import { formatSize } from '../../core/i18n/format-size';
import { t } from '../../core/i18n/translate';
import { FileButton } from '../app/FileButton';
import { desktop } from '../bridge/desktop';
import { toBase64 } from '../shared/to-base64';
import { announceFontsChanged } from './fonts-changed';
import { BackBar } from '../app/BackBar';

/** What each role is called and what it sets, as the letter format names them. */
const ROLE_TEXT = {
  title: { name: 'ui.fonts.role.title', use: 'ui.fonts.use.title' },
  body: { name: 'ui.fonts.role.body', use: 'ui.fonts.use.body' },
  heading: { name: 'ui.fonts.role.heading', use: 'ui.fonts.use.heading' },
  subheading: { name: 'ui.fonts.role.subheading', use: 'ui.fonts.use.subheading' },
} as const satisfies Record<FontRole, { name: string; use: string }>;

const FONT_FILES = '.ttf,.otf,.ttc,.otc';

type Message = { readonly kind: 'status' | 'alert'; readonly text: string };

/**
 * 字体: which face each role of the letter uses on this machine (a picked file, the official face
 * found installed, or the bundled open font), and a way to pick a file for a role or forget it.
 * The host decides and keeps the choice; this screen shows what `fonts.describe` says and tells
 * the PDF side when it changed.
 */
export function FontSettingsScreen({ onBack }: { onBack: () => void }) {
  const [choices, setChoices] = useState<FontChoices | null>(null);
  const [error, setError] = useState<string | null>(null);

  const describe = useCallback(
    () =>
      desktop.call('fonts.describe').then(
        (next) => {
          setChoices(next);
          setError(null);
        },
        (cause: unknown) => setError(t('ui.fonts.failed', { reason: errorText(cause) })),
      ),
    [],
  );
  useEffect(() => void describe(), [describe]);

  const changed = useCallback(async () => {
    announceFontsChanged();
    await describe();
  }, [describe]);

  return (
    <section className="font-settings" aria-labelledby="fonts-title">
      <BackBar onBack={onBack} />
      <h2 id="fonts-title">{t('ui.fonts.title')}</h2>
      <p>{t('ui.fonts.explain')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {choices === null ? (
        !error && <p>{t('ui.loading')}</p>
      ) : (
        <>
          {FONT_ROLES.map((role) => (
            <FontRoleCard key={role} role={role} face={choices.faces[role] ?? null} onChanged={changed} />
          ))}
          <Folders folders={choices.folders} />
        </>
      )}
    </section>
  );
}

function FontRoleCard({ role, face, onChanged }: { role: FontRole; face: InstalledFace | null; onChanged: () => Promise<void> }) {
  const id = useId();
  const [message, setMessage] = useState<Message | null>(null);
  const actions = useRef<HTMLDivElement>(null);
  const roleName = t(ROLE_TEXT[role].name);
  const bundled = BUNDLED_FACES[role].family;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    // Checked before reading: a huge file picked by mistake must not be read into memory.
    if (file.size > MAX_FONT_BYTES) {
      return setMessage({ kind: 'alert', text: t('ui.fonts.too-large', { file: file.name, size: formatSize(file.size), limit: formatSize(MAX_FONT_BYTES) }) });
    }
    setMessage({ kind: 'status', text: t('ui.fonts.checking', { file: file.name }) });
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await desktop.call('fonts.pick', { role, name: file.name, base64 });
      // The host's refusal names the file itself.
      if (!result.ok) return setMessage({ kind: 'alert', text: result.message });
      setMessage({ kind: 'status', text: t('ui.fonts.picked', { role: roleName, name: result.face.family, file: file.name }) });
      await onChanged();
    } catch (cause) {
      setMessage({ kind: 'alert', text: t('ui.fonts.refused', { file: file.name, reason: errorText(cause) }) });
    }
  };

  const forget = async () => {
    try {
      await desktop.call('fonts.forget', { role });
      setMessage({ kind: 'status', text: t('ui.fonts.forgotten', { role: roleName }) });
      await onChanged();
      // 恢复默认 is gone with the picked file: keep the keyboard in this role, on its pick button.
      actions.current?.querySelector('input')?.focus();
    } catch (cause) {
      setMessage({ kind: 'alert', text: t('ui.fonts.failed', { reason: errorText(cause) }) });
    }
  };

  return (
    <section className="font-role" aria-labelledby={`${id}-name`} data-testid={`font-role-${role}`}>
      <h3 id={`${id}-name`}>{roleName}</h3>
      <p>{t(ROLE_TEXT[role].use)}</p>
      <p data-testid="font-face">
        {t('ui.fonts.now')}
        {face ? (
          <>
            {t(face.origin === 'picked' ? 'ui.fonts.face.picked' : 'ui.fonts.face.system', { name: face.family })}
            <br />
            <code className="font-role__file">{face.file}</code>
          </>
        ) : (
          t('ui.fonts.face.bundled', { what: OFFICIAL_FAMILIES[role][0] ?? roleName, name: bundled })
        )}
      </p>
      {face && <p data-testid="font-fallback">{t('ui.fonts.fallback', { name: bundled })}</p>}
      <p className="field-hint">{t('ui.fonts.looks-for', { list: OFFICIAL_FAMILIES[role].join('、') })}</p>
      <div className="actions actions--start" ref={actions}>
        <FileButton label={t('ui.fonts.pick')} accept={FONT_FILES} onFiles={(files) => void pick(files[0])} />
        {face?.origin === 'picked' && (
          <button type="button" onClick={() => void forget()}>
            {t('ui.fonts.forget')}
          </button>
        )}
      </div>
      {/* Both live regions are always there, and their line keeps its height: a message never moves what is below. */}
      <div className="font-role__message">
        <p role="status" data-testid="font-status">
          {message?.kind === 'status' && message.text}
        </p>
        <p role="alert" data-testid="font-refusal" className={message?.kind === 'alert' ? 'error' : undefined}>
          {message?.kind === 'alert' && message.text}
        </p>
      </div>
    </section>
  );
}

function Folders({ folders }: { folders: readonly string[] }) {
  if (folders.length === 0) return <p className="field-hint">{t('ui.fonts.no-folders')}</p>;
  return (
    <div className="font-folders" data-testid="font-folders">
      <p>{t('ui.fonts.folders')}</p>
      <ul>
        {folders.map((folder) => (
          <li key={folder}>
            <code>{folder}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
