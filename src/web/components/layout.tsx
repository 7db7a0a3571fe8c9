/**
 * The frame of every page: skip link, classification and EXERCISE banners at top and bottom, the
 * header (brand, world, language, account), the main navigation and the footer.
 */
import { useState, type ReactNode } from 'react';
import { CLASSIFICATION_LABELS } from '../../ledger/classification.js';
import { useI18n, otherLang } from '../lib/i18n.js';
import type { MessageKey } from '../lib/messages.js';
import { hrefFor, Link, navigate, type Location } from '../lib/router.js';
import { useHighestClassification } from '../lib/markings.js';
import { useWorld, useWorlds } from '../lib/reference.js';
import { useSession } from '../lib/session.js';

/** Primary sections in the header bar; the Alliance's activities in the topics strip below it. */
export const NAV: readonly { path: string; key: MessageKey; group: 'primary' | 'topics' }[] = [
  { path: '', key: 'nav.home', group: 'primary' },
  { path: 'allies', key: 'nav.allies', group: 'primary' },
  { path: 'accessions', key: 'nav.accessions', group: 'primary' },
  { path: 'council', key: 'nav.council', group: 'primary' },
  { path: 'scenarios', key: 'nav.scenarios', group: 'primary' },
  { path: 'ledger', key: 'nav.ledger', group: 'primary' },
  { path: 'consultations', key: 'nav.consultations', group: 'topics' },
  { path: 'operations', key: 'nav.operations', group: 'topics' },
  { path: 'partnerships', key: 'nav.partnerships', group: 'topics' },
  { path: 'fund', key: 'nav.fund', group: 'topics' },
  { path: 'exercises', key: 'nav.exercises', group: 'topics' },
  { path: 'eu', key: 'nav.eu', group: 'topics' },
  { path: 'arms-control', key: 'nav.arms_control', group: 'topics' },
  { path: 'human-security', key: 'nav.human_security', group: 'topics' },
  { path: 'offices', key: 'nav.offices', group: 'topics' },
];

function Banners({ world, position }: { world: string; position: 'top' | 'bottom' }) {
  const { t, lang } = useI18n();
  const info = useWorld(world);
  const level = useHighestClassification();
  const classified = level !== 'PUBLIC';
  if (!classified && !info?.exercise) return null;
  const other = otherLang(lang);
  return (
    <div className={`banners banners--${position}`} data-testid={`banners-${position}`}>
      {info?.exercise && (
        <p className="banner banner--exercise" data-marking="exercise">
          <strong>{t('marking.exercise')}</strong>
          {position === 'top' && <span lang={other} className="banner__other"> · {other === 'fr' ? 'EXERCICE' : 'EXERCISE'}</span>}
        </p>
      )}
      {classified && (
        <p className={`banner banner--class banner--${CLASSIFICATION_LABELS[level].portion.toLowerCase()}`} data-marking="classification" data-level={level}>
          <span className="visually-hidden">{t('marking.classification')}{t('app.colon')}</span>
          <strong>{CLASSIFICATION_LABELS[level][lang]}</strong>
          {info?.exercise && <span className="banner__sim"> ({t('marking.simulated')})</span>}
        </p>
      )}
    </div>
  );
}

function WorldPicker({ location }: { location: Location }) {
  const { t } = useI18n();
  const worlds = useWorlds();
  if (!worlds || worlds.length < 2) return null;
  return (
    <div className="world-picker">
      <label htmlFor="world-select">{t('app.world')}</label>
      <select
        id="world-select"
        value={location.world}
        onChange={(e) => navigate(hrefFor(location.lang, location.path, e.target.value, Object.fromEntries([...location.query].filter(([k]) => k !== 'world'))))}
      >
        {worlds.map((w) => (
          <option key={w.name} value={w.name}>
            {w.name === 'record' ? t('app.world_record') : w.exercise ? t('app.world_scenario', { name: w.name }) : w.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function Account({ location }: { location: Location }) {
  const { t } = useI18n();
  const { account, signOut } = useSession();
  if (!account) {
    return <Link className="header-link" href={hrefFor(location.lang, 'sign-in', location.world, { next: location.path || undefined })}>{t('nav.sign_in')}</Link>;
  }
  return (
    <div className="account">
      <span className="account__who">{t('nav.signed_in_as', { user: account.username, party: account.party ?? account.role })}</span>
      <span className="account__short" aria-hidden="true">{account.username}</span>
      <button type="button" className="button button--link" onClick={() => void signOut()}>{t('nav.sign_out')}</button>
    </div>
  );
}

export function Layout({ location, children }: { location: Location; children: ReactNode }) {
  const { t, lang } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const other = otherLang(lang);
  const switchHref = `/${other}/${location.path}${location.query.toString() ? `?${location.query.toString()}` : ''}`;
  const section = location.segments[0] ?? '';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <Banners world={location.world} position="top" />
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" href={hrefFor(lang, '', location.world)}>
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="14" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <path d="M16 5 L19 16 L16 27 L13 16 Z" fill="currentColor" />
              <path d="M5 16 L16 13 L27 16 L16 19 Z" fill="currentColor" opacity="0.55" />
            </svg>
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <WorldPicker location={location} />
            <a className="header-link lang-switch" href={switchHref} lang={other} hrefLang={other} aria-label={t('lang.switch_label')}
              onClick={(e) => { e.preventDefault(); navigate(switchHref, { replace: false }); }}>
              {t('lang.switch')}
            </a>
            <Account location={location} />
          </div>
        </div>
        <nav className="main-nav" aria-label={t('app.main_nav')}>
          <button type="button" className="main-nav__toggle" aria-expanded={menuOpen} aria-controls="main-nav-list" onClick={() => setMenuOpen((o) => !o)}>
            {t('app.menu')}
          </button>
          <div id="main-nav-list" className={`main-nav__lists${menuOpen ? ' is-open' : ''}`}>
            {(['primary', 'topics'] as const).map((group) => (
              <ul key={group} className={`main-nav__${group}`} aria-label={group === 'topics' ? t('app.topics') : undefined}>
                {NAV.filter((item) => item.group === group).map((item) => {
                  const current = item.path === section;
                  return (
                    <li key={item.path}>
                      <Link href={hrefFor(lang, item.path, location.world)} aria-current={current ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                        {t(item.key)}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            ))}
          </div>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('app.disclaimer')}</p>
          <ul className="site-footer__links" aria-label={t('app.footer_nav')}>
            <li><a href="/api/docs">{t('app.api_docs')}</a></li>
            <li><Link href={hrefFor(lang, 'ledger', location.world)}>{t('nav.ledger')}</Link></li>
          </ul>
        </div>
      </footer>
      <Banners world={location.world} position="bottom" />
    </div>
  );
}
