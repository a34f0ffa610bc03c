import { t } from '../i18n/translate';
import { html, page } from '../web/html';
import { stylesheet } from './dashboard-page';

/** The operator pastes the token; `message` says why the last try did not log in, or that the session ended. */
export function loginPage(options: { readonly basePath: string; readonly office: string; readonly message?: string; readonly problem?: boolean }): string {
  const { message } = options;
  const body = html`<main><h1>${t('platform.dashboard.loginTitle')}</h1><p class="muted">${t('platform.dashboard.office', { name: options.office })}</p>
${message === undefined ? undefined : html`<p class="${options.problem ? 'problem' : 'notice'}" role="${options.problem ? 'alert' : 'status'}">${message}</p>`}
<p id="token-hint">${t('platform.dashboard.loginIntro')}</p>
<form method="post" action="${options.basePath}/dashboard/login"><p><label for="token">${t('platform.dashboard.tokenLabel')}</label><br>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required aria-describedby="token-hint"></p>
<p><button type="submit">${t('platform.dashboard.login')}</button></p></form></main>`;
  return page({ title: t('platform.dashboard.loginTitle'), head: stylesheet(options.basePath), body });
}

/** A short page for a refused action or a missing file, with the way back. */
export function messagePage(options: { readonly basePath: string; readonly title: string; readonly message: string }): string {
  const body = html`<main><h1>${options.title}</h1><p class="problem" role="alert">${options.message}</p><p><a href="${options.basePath}/dashboard">${t('platform.dashboard.back')}</a></p></main>`;
  return page({ title: options.title, head: stylesheet(options.basePath), body });
}
