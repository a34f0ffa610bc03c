import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import { issueToken } from '../../../platform/credentials';
import { ID, OTHER_ID, packageInput } from '../../support/package-fixtures';
import { upload } from '../../support/platform-requests';
import { startTestPlatform, TOKEN, UNIT } from '../../support/submission-fixtures';

/**
 * A real platform for the operator's side: the fixtures' unit (青山县政务服务中心, token
 * {@link TOKEN}), 青山县发展和改革局 (the policy template's unit) with a token of its own, and an
 * operator of the city credit office. Its clock starts on 25 April 2026 in Beijing and moves a
 * second a call, so the year and the days left do not depend on the machine's date.
 */
export const POLICY = { code: '112399210035830292', name: '青山县发展和改革局' } as const;
/** On the roster, never delivering: an all-digit code, as some are. */
export const FINANCE = { code: '112399220035840134', name: '绿水区财政局' } as const;
export const SERVICE_PACKAGE = buildPackage(packageInput());
export const POLICY_PACKAGE = buildPackage(packageInput({ letter: letterFromTemplate('policy', { year: 2026 }), submissionId: OTHER_ID }));
export { ID as SERVICE_ID, OTHER_ID as POLICY_ID, TOKEN as SERVICE_TOKEN, UNIT as SERVICE };

/** The 编办's list as Excel on a Chinese desk saves it: a title row above the header, one row with a wrong check digit. */
export const ROSTER_CSV = [
  '青山市 2026 年度政务诚信承诺单位名单',
  '单位名称,统一社会信用代码,所属区县,单位类型',
  `${UNIT.name},${UNIT.code},青山县,事业单位`,
  `${POLICY.name},${POLICY.code},青山县,机关`,
  `${FINANCE.name},${FINANCE.code},绿水区,机关`,
  '绿水区审计局,112399220035840135,绿水区,机关',
].join('\r\n');

export async function startOperatorPlatform() {
  let clock = Date.parse('2026-04-25T02:00:00.000Z');
  const started = await startTestPlatform({ now: () => new Date((clock += 1000)) });
  const { token: operator } = await issueToken(started.dataDir, { operator: true, name: '市信用办 王敏' });
  const { token: policy } = await issueToken(started.dataDir, { unit: POLICY.code, name: POLICY.name });
  const url = started.platform.url;
  return {
    ...started,
    url,
    operator,
    policy,
    /** Delivers a package over tus with a unit's token and expects the receipt. */
    async deliver(bytes: Uint8Array, submissionId: string, token: string): Promise<void> {
      const response = await upload(url, bytes, { submissionId, token });
      if (response.status !== 200 && response.status !== 201) throw new Error(`delivery of ${submissionId} failed: ${response.status} ${await response.text()}`);
    },
  };
}
