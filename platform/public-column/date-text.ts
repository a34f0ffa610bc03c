import { t } from '../i18n/translate';

/** '2026-04-20' → '2026 年 4 月 20 日'. */
export function dateText(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return t('platform.public.date', { year: year!, month: month!, day: day! });
}
