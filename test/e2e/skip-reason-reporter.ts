import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** The list reporter shows a skip without its reason; a skipped run must say why it did not run. */
export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = [...test.annotations, ...result.annotations].find((a) => a.type === 'skip')?.description ?? 'no reason given';
    const project = test.parent.project()?.name ?? '';
    const key = `[${project}] ${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }

  onEnd(): void {
    for (const [reason, count] of this.reasons) console.log(`skipped ${count} test(s) ${reason}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
