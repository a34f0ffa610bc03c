import { zhCN, type MessageKey } from './zh-cn';

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Looks up a user-facing message and fills its `{name}` placeholders.
 * `{{` stands for a literal brace. Unknown placeholders are left visible
 * so a missing parameter shows up in review rather than as an empty gap.
 *
 * @example t('problem.required', { field: '单位全称' }) // '单位全称不能为空。'
 */
export function t(key: MessageKey, params: MessageParams = {}): string {
  return zhCN[key].replace(/\{\{|\{(\w+)\}/g, (whole: string, name: string | undefined) => {
    if (name === undefined) return '{';
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type { MessageKey };
