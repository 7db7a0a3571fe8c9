/** Any address the app does not know, and any thing an address names that does not exist. */
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { hrefFor, Link } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { PageHeader } from '../components/ui.js';

/**
 * `lead` says what was not found ("No state has the code XYZ"); the default speaks of the address.
 * `closedWorld`: the address names a world the reader cannot see; signed out, it may be an
 * exercise they take part in, so they are offered to sign in (and come back here).
 */
export function NotFound({ location, lead, closedWorld }: PageProps & { lead?: string; closedWorld?: string }) {
  const { t, lang } = useI18n();
  const { account, ready } = useSession();
  return (
    <div data-testid="not-found">
      <PageHeader title={t('app.not_found')} lead={lead ?? t('app.not_found_body')} />
      {closedWorld && ready && !account && (
        <p>{t('app.not_found_sign_in')} <Link href={hrefFor(lang, 'sign-in', closedWorld, { next: location.path || undefined })}>{t('nav.sign_in')}</Link></p>
      )}
      <p><Link className="button" href={hrefFor(lang, '', location.world)}>{t('app.go_home')}</Link></p>
    </div>
  );
}

export default function NotFoundPage({ location }: PageProps) {
  return <NotFound location={location} />;
}
