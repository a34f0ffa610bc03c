import { t, type MessageKey } from '../i18n/translate';
import { zhCN } from '../i18n/zh-cn';

/** A path into a letter as zod and JSON give it: keys and array indexes. */
export type FieldPath = readonly PropertyKey[];

/**
 * Writes a path the way the command line and the UI show it.
 *
 * @example formatPath(['items', 2, 'content']) // 'items[2].content'
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '$' : out;
}

/**
 * The Chinese name of a field, for messages that must say which field is wrong.
 * Unknown paths fall back to the nearest known parent, so a message never names nothing.
 * `itemNumber` gives an item's printed number from its stored index (`item-numbers.ts`).
 *
 * @example fieldLabel(['items', 2, 'content']) // '第 3 项承诺事项的内容'
 */
export function fieldLabel(path: FieldPath, itemNumber: (index: number) => number = (index) => index + 1): string {
  const itemIndex = path[0] === 'items' && typeof path[1] === 'number' ? path[1] : undefined;
  if (itemIndex !== undefined) {
    const n = itemNumber(itemIndex);
    const leaf = path[2];
    const key = `field.item.${String(leaf)}`;
    return leaf !== undefined && isMessageKey(key) ? t(key, { n }) : t('field.item', { n });
  }
  for (let end = path.length; end > 0; end -= 1) {
    const key = `field.${path.slice(0, end).map(String).join('.')}`;
    if (isMessageKey(key)) return t(key);
  }
  return t('field.root');
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
