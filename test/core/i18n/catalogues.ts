import { zhCN } from '../../../core/i18n/zh-cn';
import { platformZhCN } from '../../../platform/i18n/zh-cn';

/** Every catalogue the program shows text from, by where it lives: the rules on messages hold for each. */
export const CATALOGUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'core/i18n': zhCN,
  'platform/i18n': platformZhCN,
};

/** Each message of every catalogue, keyed as its catalogue names it. */
export const ALL_MESSAGES: readonly (readonly [key: string, message: string])[] = Object.values(CATALOGUES).flatMap((catalogue) => Object.entries(catalogue));
