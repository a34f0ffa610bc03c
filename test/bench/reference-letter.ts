import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { letterFromTemplate } from '../../core/letter/templates';
import type { Letter } from '../../core/letter/letter-schema';

/**
 * An invented county notice of about 3,300 characters (headings, numbered clauses, dates, codes,
 * brackets and quotation marks, as such notices are written), as the body of a letter. It lives
 * in the repository so the benchmark runs in a fresh clone.
 */
export function referenceLetter(): Letter {
  const notice = readFileSync(join(import.meta.dirname, 'fixtures/sample-notice.zh.txt'), 'utf8');
  const statement = notice
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  const template = letterFromTemplate('key-task', { year: 2026 });
  // The unit's own details, not the template's samples, which a letter may not be rendered with.
  return {
    ...template,
    statement,
    unit: { ...template.unit, name: '白桦县白桦镇人民政府', creditCode: '11230102012345671D' },
    principal: { ...template.principal, name: '李明' },
    supervision: { ...template.supervision, phone: '0458-6123400', email: 'xinyong@baihua.gov.cn' },
  };
}
