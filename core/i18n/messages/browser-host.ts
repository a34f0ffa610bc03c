/** The browser host (`npm run web`) refusing a request; the page shows these as call errors. */
export const browserHost = {
  'web-host.error.bad-request': '无法识别的请求。',
  'web-host.error.host': '拒绝访问：请求所用的地址不是本程序的地址，请用启动时显示的地址打开。',
  'web-host.error.cross-site': '拒绝访问：请求来自其他网站。',
  'web-host.error.content-type': '请求内容必须是 JSON（application/json）。',
  'web-host.error.session': '请用本次启动时显示的完整地址（含 key=…）打开本页面，再继续操作。',
  'web-host.error.key': '访问密钥不正确，请用本次启动时显示的完整地址打开。',
} as const;
