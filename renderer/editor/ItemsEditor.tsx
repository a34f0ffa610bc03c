import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useFormContext, useFormState, type UseFieldArrayReturn } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { categoryName, CATEGORY_KEYS, type CategoryKey } from '../../core/letter/categories';
import { fieldLabel } from '../../core/letter/field-path';
import { itemNumbers } from '../../core/letter/item-numbers';
import type { LetterFormValues } from '../../core/letter/form-values';
import type { LetterItem } from '../../core/letter/letter-schema';
import { itemSnippets } from '../../core/letter/templates';
import { DeadlineField } from './DateField';
import { TextField } from './TextField';

type Items = UseFieldArrayReturn<LetterFormValues, 'items'>;

/**
 * The committed items under the five categories. The form keeps one flat list (the letter's
 * order); each category shows its own items, and moving up or down swaps with the neighbour in
 * the same category, which is the only order the letter prints.
 */
export function ItemsEditor({ year }: { year: number }) {
  const { control } = useFormContext<LetterFormValues>();
  const items = useFieldArray({ control, name: 'items' });
  const snippets = useMemo(() => itemSnippets(year), [year]);
  const numbers = itemNumbers(items.fields);
  return (
    <fieldset className="items-editor">
      <legend>{t('field.items')}</legend>
      <ItemsMessage />
      {CATEGORY_KEYS.map((category) => (
        <CategoryItems key={category} category={category} items={items} numbers={numbers} snippets={snippets[category]} />
      ))}
    </fieldset>
  );
}

function ItemsMessage() {
  // useFormState, not the context's formState: reading that would re-render the whole form on every error change.
  const { errors } = useFormState<LetterFormValues>({ name: 'items', exact: true });
  const message = errors.items?.root?.message ?? errors.items?.message;
  return message ? (
    <p className="field-message" data-testid="field-message">
      {message}
    </p>
  ) : null;
}

/** `numbers` are the printed numbers by stored index, so the labels read 1…n top to bottom as on paper. */
function CategoryItems({ category, items, numbers, snippets }: { category: CategoryKey; items: Items; numbers: readonly number[]; snippets: readonly LetterItem[] }) {
  const indexes = items.fields.flatMap((field, index) => (field.category === category ? [index] : []));
  const title = categoryName(category);
  const addButton = useRef<HTMLButtonElement>(null);
  const [snippet, setSnippet] = useState('');
  const add = () => items.append({ category, content: '', deadline: '', owner: '' });
  const insertSnippet = () => {
    const chosen = snippets[Number(snippet)];
    if (chosen) items.append({ category, content: chosen.content, deadline: chosen.deadline ?? '', owner: chosen.owner ?? '' });
    setSnippet('');
  };
  return (
    <section className="item-group" aria-label={title}>
      <h3>
        {title} <span className="item-count">{t('ui.item-count', { count: indexes.length })}</span>
      </h3>
      <ol>
        {indexes.map((index, position) => (
          <ItemRow
            n={numbers[index] ?? index + 1}
            key={items.fields[index]!.id}
            index={index}
            previous={indexes[position - 1]}
            next={indexes[position + 1]}
            items={items}
            onRemoved={() => addButton.current?.focus()}
          />
        ))}
      </ol>
      <div className="item-actions">
        <button type="button" ref={addButton} onClick={add}>
          {t('ui.item.add', { category: title })}
        </button>
        {snippets.length > 0 && (
          // Choosing and inserting are two steps: arrow keys on a closed select fire change at once.
          <span className="snippet-picker">
            <select value={snippet} onChange={(e) => setSnippet(e.target.value)} aria-label={t('ui.item.snippet-label', { category: title })}>
              <option value="">{t('ui.item.snippet')}</option>
              {snippets.map((s, i) => (
                <option key={i} value={i}>
                  {s.content.length > 40 ? `${s.content.slice(0, 40)}…` : s.content}
                </option>
              ))}
            </select>
            <button type="button" disabled={snippet === ''} onClick={insertSnippet}>
              {t('ui.item.insert')}
            </button>
          </span>
        )}
      </div>
    </section>
  );
}

interface ItemRowProps {
  readonly index: number;
  /** The item's printed number. */
  readonly n: number;
  readonly previous: number | undefined;
  readonly next: number | undefined;
  readonly items: Items;
  readonly onRemoved: () => void;
}

function ItemRow({ index, n, previous, next, items, onRemoved }: ItemRowProps) {
  const { getValues } = useFormContext<LetterFormValues>();
  const id = items.fields[index]!.id;
  // The item moves to its new group as soon as the category is chosen, and the focus goes with
  // it: the row is rebuilt there, so it is found again by its place in the letter.
  const changeCategory = (category: CategoryKey) => {
    items.update(index, { ...getValues(`items.${index}`), category });
    setTimeout(() => {
      const moved = document.querySelector<HTMLSelectElement>(`select[name="items.${index}.category"]`);
      moved?.focus({ preventScroll: true });
      moved?.closest('.item-row')?.scrollIntoView({ block: 'center' });
    });
  };
  // Swapping moves the row's elements; the focus follows the item to its new place.
  const move = (to: number | undefined, direction: 'up' | 'down') => {
    if (to === undefined) return;
    items.swap(index, to);
    setTimeout(() => {
      const same = document.getElementById(`${id}-${direction}`) as HTMLButtonElement | null;
      // At the top or bottom that button is disabled; the other one keeps the focus in the row.
      (same && !same.disabled ? same : document.getElementById(`${id}-${direction === 'up' ? 'down' : 'up'}`))?.focus();
    });
  };
  return (
    <li className="item-row" aria-label={fieldLabel(['items', index], () => n)}>
      <TextField name={`items.${index}.content`} label={fieldLabel(['items', index, 'content'], () => n)} rows={2} className="item-content" />
      <div className="item-meta-fields">
        <DeadlineField name={`items.${index}.deadline`} label={t('ui.item.deadline')} field={fieldLabel(['items', index, 'deadline'], () => n)} />
        <TextField name={`items.${index}.owner`} label={t('ui.item.owner')} />
        <label className="field">
          <span>{t('ui.item.category')}</span>
          <select
            name={`items.${index}.category`}
            value={items.fields[index]!.category}
            onChange={(e) => changeCategory(e.target.value as CategoryKey)}
            aria-label={fieldLabel(['items', index, 'category'], () => n)}
          >
            {CATEGORY_KEYS.map((key) => (
              <option key={key} value={key}>
                {categoryName(key)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="item-row__buttons">
        <button type="button" id={`${id}-up`} disabled={previous === undefined} onClick={() => move(previous, 'up')} aria-label={t('ui.item.move-up', { n })}>
          ↑
        </button>
        <button type="button" id={`${id}-down`} disabled={next === undefined} onClick={() => move(next, 'down')} aria-label={t('ui.item.move-down', { n })}>
          ↓
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            items.remove(index);
            setTimeout(onRemoved);
          }}
          aria-label={t('ui.item.remove', { n })}
        >
          {t('ui.remove')}
        </button>
      </div>
    </li>
  );
}
