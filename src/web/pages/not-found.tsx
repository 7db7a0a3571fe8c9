/** Any address the app does not know. */
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { hrefFor, Link } from '../lib/router.js';
import { PageHeader } from '../components/ui.js';

export default function NotFoundPage({ location }: PageProps) {
  const { t, lang } = useI18n();
  return (
    <>
      <PageHeader title={t('app.not_found')} lead={t('app.not_found_body')} />
      <p><Link className="button" href={hrefFor(lang, '', location.world)}>{t('app.go_home')}</Link></p>
    </>
  );
}
