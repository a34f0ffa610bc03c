import { useMemo } from 'react';
import { useFieldArray, useFormContext, useFormState, type UseFieldArrayReturn } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { categoryName, CATEGORY_KEYS, type CategoryKey } from '../../core/letter/categories';
import { fieldLabel } from '../../core/letter/field-path';
import type { LetterFormValues } from '../../core/letter/form-values';
import type { LetterItem } from '../../core/letter/letter-schema';
import { itemSnippets } from '../../core/letter/templates';
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
  return (
    <fieldset className="items-editor">
      <legend>{t('field.items')}</legend>
      <ItemsMessage />
      {CATEGORY_KEYS.map((category) => (
        <CategoryItems key={category} category={category} items={items} snippets={snippets[category]} />
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

function CategoryItems({ category, items, snippets }: { category: CategoryKey; items: Items; snippets: readonly LetterItem[] }) {
  const indexes = items.fields.flatMap((field, index) => (field.category === category ? [index] : []));
  const title = categoryName(category);
  const add = () => items.append({ category, content: '', deadline: '', owner: '' });
  const insertSnippet = (value: string) => {
    const snippet = snippets[Number(value)];
    if (snippet) items.append({ category, content: snippet.content, deadline: snippet.deadline ?? '', owner: snippet.owner ?? '' });
  };
  return (
    <section className="item-group" aria-label={title}>
      <h3>
        {title} <span className="item-count">{t('ui.item-count', { count: indexes.length })}</span>
      </h3>
      <ol>
        {indexes.map((index, position) => (
          <ItemRow
            key={items.fields[index]!.id}
            index={index}
            previous={indexes[position - 1]}
            next={indexes[position + 1]}
            items={items}
          />
        ))}
      </ol>
      <div className="item-actions">
        <button type="button" onClick={add}>
          {t('ui.item.add', { category: title })}
        </button>
        {snippets.length > 0 && (
          <label>
            <span className="visually-hidden">{t('ui.item.snippet-label', { category: title })}</span>
            <select value="" onChange={(e) => insertSnippet(e.target.value)} aria-label={t('ui.item.snippet-label', { category: title })}>
              <option value="">{t('ui.item.snippet')}</option>
              {snippets.map((snippet, i) => (
                <option key={i} value={i}>
                  {snippet.content.length > 40 ? `${snippet.content.slice(0, 40)}…` : snippet.content}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}

function ItemRow({ index, previous, next, items }: { index: number; previous: number | undefined; next: number | undefined; items: Items }) {
  const { getValues } = useFormContext<LetterFormValues>();
  const n = index + 1;
  const moveTo = (category: CategoryKey) => items.update(index, { ...getValues(`items.${index}`), category });
  return (
    <li className="item-row" aria-label={fieldLabel(['items', index])}>
      <TextField name={`items.${index}.content`} label={fieldLabel(['items', index, 'content'])} rows={2} className="item-content" />
      <div className="item-meta-fields">
        <TextField name={`items.${index}.deadline`} label={t('ui.item.deadline')} />
        <TextField name={`items.${index}.owner`} label={t('ui.item.owner')} />
        <label className="field">
          <span>{t('ui.item.category')}</span>
          <select value={getValues(`items.${index}.category`)} onChange={(e) => moveTo(e.target.value as CategoryKey)} aria-label={fieldLabel(['items', index, 'category'])}>
            {CATEGORY_KEYS.map((key) => (
              <option key={key} value={key}>
                {categoryName(key)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="item-row__buttons">
        <button type="button" disabled={previous === undefined} onClick={() => previous !== undefined && items.swap(index, previous)} aria-label={t('ui.item.move-up', { n })}>
          ↑
        </button>
        <button type="button" disabled={next === undefined} onClick={() => next !== undefined && items.swap(index, next)} aria-label={t('ui.item.move-down', { n })}>
          ↓
        </button>
        <button type="button" className="danger" onClick={() => items.remove(index)} aria-label={t('ui.item.remove', { n })}>
          {t('ui.remove')}
        </button>
      </div>
    </li>
  );
}
