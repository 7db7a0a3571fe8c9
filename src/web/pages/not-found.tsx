/** Any address the app does not know, and any thing an address names that does not exist. */
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { hrefFor, Link } from '../lib/router.js';
import { PageHeader } from '../components/ui.js';

/** `lead` says what was not found ("No state has the code XYZ"); the default speaks of the address. */
export function NotFound({ location, lead }: PageProps & { lead?: string }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="not-found">
      <PageHeader title={t('app.not_found')} lead={lead ?? t('app.not_found_body')} />
      <p><Link className="button" href={hrefFor(lang, '', location.world)}>{t('app.go_home')}</Link></p>
    </div>
  );
}

export default function NotFoundPage({ location }: PageProps) {
  return <NotFound location={location} />;
}
