import { useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import type { LetterFormValues } from '../../core/letter/form-values';
import { headingMarkerEdit, headingOutline, type TextEdit } from '../../core/letter/heading-markers';
import type { HeadingLevel } from '../../core/letter/paragraph-headings';
import { TextField } from './TextField';

interface HeadingFieldProps {
  readonly name: 'statement' | 'closing';
  readonly label: string;
  readonly rows: number;
}

/**
 * A text of the letter that may carry the 公文 heading hierarchy: buttons start the caret's line
 * with the next marker, a hint says what the markers do, and an outline lists the headings.
 * A unit letter numbers its first-level headings itself (一、 before each category of items), so
 * there the clerk is offered only （一） sub-headings; a personal letter has both levels.
 */
export function HeadingField({ name, label, rows }: HeadingFieldProps) {
  const kind = useWatch<LetterFormValues, 'kind'>({ name: 'kind' });
  const box = useRef<HTMLDivElement>(null);
  const levels: readonly HeadingLevel[] = kind === 'person' ? [1, 2] : [2];
  const insert = (level: HeadingLevel) => {
    const textarea = box.current?.querySelector('textarea');
    if (!textarea) return;
    const edit = headingMarkerEdit(textarea.value, textarea.selectionStart, level);
    if (edit !== null) typeInto(textarea, edit);
  };
  return (
    <div ref={box}>
      <TextField
        name={name}
        label={label}
        rows={rows}
        hint={t(kind === 'person' ? 'ui.headings.hint.person' : 'ui.headings.hint.unit')}
        toolbar={
          <div className="item-actions" role="group" aria-label={t('ui.headings.group', { field: label })}>
            {levels.map((level) => (
              <button key={level} type="button" onClick={() => insert(level)}>
                {t(level === 1 ? 'ui.headings.insert-first' : 'ui.headings.insert-second')}
              </button>
            ))}
          </div>
        }
      />
      <HeadingOutline name={name} label={label} />
    </div>
  );
}

/**
 * Makes the edit as typing would: `insertText` fires the input event react-hook-form listens to
 * (so the change is saved like a keystroke) and keeps the browser's undo. Where the command is
 * refused, the text is changed in place and the same event sent.
 */
function typeInto(textarea: HTMLTextAreaElement, edit: TextEdit): void {
  textarea.focus();
  textarea.setSelectionRange(edit.from, edit.to);
  if (!document.execCommand('insertText', false, edit.insert)) {
    textarea.setRangeText(edit.insert, edit.from, edit.to);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  textarea.setSelectionRange(edit.caret, edit.caret);
}

/** The field's headings, second-level ones nested under the first-level heading above them. */
function HeadingOutline({ name, label }: { name: HeadingFieldProps['name']; label: string }) {
  const text = useWatch<LetterFormValues, typeof name>({ name }) ?? '';
  const sections: { text: string | null; subheadings: string[] }[] = [];
  for (const entry of headingOutline(text)) {
    if (entry.level === 1 || sections.length === 0) sections.push({ text: entry.level === 1 ? entry.text : null, subheadings: [] });
    if (entry.level === 2) sections[sections.length - 1]!.subheadings.push(entry.text);
  }
  if (sections.length === 0) return null;
  const list = (items: string[]) => (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
  return (
    <ul className="field-hint" aria-label={t('ui.headings.outline', { field: label })} data-testid={`${name}-outline`}>
      {sections.map((section, i) =>
        section.text === null ? (
          section.subheadings.map((item, j) => <li key={`${i}-${j}`}>{item}</li>)
        ) : (
          <li key={i}>
            {section.text}
            {section.subheadings.length > 0 && list(section.subheadings)}
          </li>
        ),
      )}
    </ul>
  );
}
