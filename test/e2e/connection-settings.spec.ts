import { expect, test } from './fixtures';

// Nothing listens at these addresses: the settings are saved and shown, nothing is sent.
const PLATFORM = 'http://127.0.0.1:9';
const ELSEWHERE = 'http://localhost:9';

test('a platform address moved to another site drops the saved token, and the settings screen says it is missing', async ({ appPage: page }) => {
  // The saved settings arrive late, as on a loaded machine: what is typed must not be overwritten by them.
  // (Web project only: in Electron the call goes over IPC, which a route cannot hold.)
  await page.route('**/api/call/outbox.getConnection', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.getByRole('button', { name: '发送队列' }).first().click();
  const settings = page.getByRole('form', { name: '报送平台设置' });
  const save = async () => {
    await settings.getByRole('button', { name: '保存设置' }).click();
    await expect(settings.getByRole('status')).toHaveText('设置已保存。');
  };
  try {
    await settings.getByLabel('报送平台地址').fill(PLATFORM);
    await settings.getByLabel('访问令牌').fill('unit-token-for-this-platform');
    await save();
    await expect(settings.getByTestId('token-state')).toContainText('已设置（不显示）');

    // The same site written another way keeps it.
    await settings.getByLabel('报送平台地址').fill(`${PLATFORM}/`);
    await save();
    await expect(settings.getByTestId('token-state')).toContainText('已设置（不显示）');

    await settings.getByLabel('报送平台地址').fill(ELSEWHERE);
    await save();
    await expect(settings.getByTestId('token-state')).toContainText('未设置');
    // Still so after the page is loaded again: the truth is the main process's, not the form's.
    await page.reload();
    await page.getByRole('button', { name: '发送队列' }).first().click();
    await expect(settings.getByTestId('token-state')).toContainText('未设置');
  } finally {
    // The web project shares one data folder between specs: leave no platform configured.
    await settings.getByLabel('报送平台地址').fill('');
    await settings.getByRole('button', { name: '保存设置' }).click();
  }
});
