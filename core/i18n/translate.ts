import type { Messages } from './catalogue';
import { zhCN, type MessageKey } from './zh-cn';

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Fills a message's `{name}` placeholders. `{{` stands for a literal brace. Unknown placeholders
 * are left visible so a missing parameter shows up in review rather than as an empty gap.
 */
export function fillMessage(message: string, params: MessageParams = {}): string {
  return message.replace(/\{\{|\{(\w+)\}/g, (whole: string, name: string | undefined) => {
    if (name === undefined) return '{';
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A `t` whose keys are typed from one catalogue: core's here, the platform's in platform/i18n. */
export function translator<Catalogue extends Messages>(catalogue: Catalogue): (key: keyof Catalogue & string, params?: MessageParams) => string {
  return (key, params) => fillMessage(catalogue[key]!, params);
}

/**
 * Looks up a user-facing message and fills its `{name}` placeholders (see {@link fillMessage}).
 *
 * @example t('problem.required', { field: '单位全称' }) // '单位全称不能为空。'
 */
export const t: (key: MessageKey, params?: MessageParams) => string = translator(zhCN);

export type { MessageKey };
