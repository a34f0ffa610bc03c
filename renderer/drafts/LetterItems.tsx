import { categoryName, CATEGORY_KEYS } from '../../core/letter/categories';
import { isRecord } from '../../core/json/is-record';

/** The committed items grouped under the five categories, as the letter will list them. */
export function LetterItems({ items }: { items: unknown }) {
  const list = Array.isArray(items) ? items.filter(isRecord) : [];
  return (
    <>
      {CATEGORY_KEYS.map((key) => {
        const inCategory = list.filter((item) => item['category'] === key);
        if (inCategory.length === 0) return null;
        return (
          <section key={key} className="item-group" aria-label={categoryName(key)}>
            <h3>{categoryName(key)}</h3>
            <ol>
              {inCategory.map((item, i) => (
                <li key={i}>
                  {String(item['content'] ?? '')}
                  {typeof item['deadline'] === 'string' && <span className="item-meta">（{item['deadline']}）</span>}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}
