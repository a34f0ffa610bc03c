import { t } from '../i18n/translate';

/** The five commitment categories of the provincial notice, in the order a letter lists them. */
export const CATEGORY_KEYS = ['key-task', 'policy', 'contract', 'service', 'duty'] as const;

export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** @example categoryName('service') // '政务服务事项承诺' */
export function categoryName(key: CategoryKey): string {
  return t(`category.${key}`);
}
