/**
 * The app: routes by the path after the language, lazily loaded pages (a first visit downloads
 * only what its page needs), the page language on <html lang>, focus moved to the new page's
 * heading after a navigation, and the page title.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, type ComponentType, type LazyExoticComponent } from 'react';
import { I18nContext, makeI18n } from './lib/i18n.js';
import { parseLocation, useLocationKey, navigate, type Location } from './lib/router.js';
import { setApiLanguage } from './lib/api.js';
import { SessionProvider } from './lib/session.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/ui.js';

export interface PageProps {
  readonly location: Location;
}

type Page = LazyExoticComponent<ComponentType<PageProps>>;

const pages = {
  home: lazy(() => import('./pages/home.js')),
  allies: lazy(() => import('./pages/allies.js')),
  ally: lazy(() => import('./pages/ally.js')),
  accessions: lazy(() => import('./pages/accessions.js')),
  council: lazy(() => import('./pages/council.js')),
  consultations: lazy(() => import('./pages/consultations.js')),
  operations: lazy(() => import('./pages/operations.js')),
  partnerships: lazy(() => import('./pages/partnerships.js')),
  fund: lazy(() => import('./pages/fund.js')),
  exercises: lazy(() => import('./pages/exercises.js')),
  eu: lazy(() => import('./pages/eu.js')),
  armsControl: lazy(() => import('./pages/arms-control.js')),
  humanSecurity: lazy(() => import('./pages/human-security.js')),
  ledger: lazy(() => import('./pages/ledger.js')),
  scenarios: lazy(() => import('./pages/scenarios.js')),
  scenario: lazy(() => import('./pages/scenario.js')),
  scenarioReport: lazy(() => import('./pages/scenario-report.js')),
  signIn: lazy(() => import('./pages/sign-in.js')),
  notFound: lazy(() => import('./pages/not-found.js')),
} satisfies Record<string, Page>;

function route(location: Location): Page {
  const [first, second, third, fourth] = location.segments;
  if (first === 'scenarios') {
    if (second === undefined) return pages.scenarios;
    if (third === undefined) return pages.scenario;
    return third === 'report' && fourth === undefined ? pages.scenarioReport : pages.notFound;
  }
  if (third !== undefined) return pages.notFound;
  switch (first ?? '') {
    case '': return pages.home;
    case 'allies': return second ? pages.ally : pages.allies;
    case 'accessions': return pages.accessions;
    case 'council': return second ? pages.notFound : pages.council;
    case 'consultations': return pages.consultations;
    case 'operations': return pages.operations;
    case 'partnerships': return pages.partnerships;
    case 'fund': return pages.fund;
    case 'exercises': return pages.exercises;
    case 'eu': return pages.eu;
    case 'arms-control': return pages.armsControl;
    case 'human-security': return pages.humanSecurity;
    case 'ledger': return pages.ledger;
    case 'sign-in': return pages.signIn;
    default: return pages.notFound;
  }
}

export function App() {
  const key = useLocationKey();
  const location = useMemo(() => parseLocation(key), [key]);
  const i18n = useMemo(() => makeI18n(location.lang), [location.lang]);
  const first = useRef(true);
  const Page = route(location);

  // Bare "/" (or a path without language) goes to the reader's language.
  useEffect(() => {
    const seg = window.location.pathname.split('/')[1];
    if (seg !== 'en' && seg !== 'fr') {
      const preferred = navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
      navigate(`/${preferred}${window.location.pathname === '/' ? '/' : window.location.pathname}${window.location.search}`, { replace: true });
    }
  }, [key]);

  useEffect(() => {
    document.documentElement.lang = location.lang;
    setApiLanguage(location.lang);
  }, [location.lang]);

  const pathKey = `${location.lang}/${location.path}`;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After a client-side navigation, move focus to the new page's heading once it renders.
    const started = performance.now();
    const focus = () => {
      const h1 = document.querySelector<HTMLElement>('#main h1');
      if (h1) h1.focus({ preventScroll: true });
      else if (performance.now() - started < 3000) window.setTimeout(focus, 50);
    };
    window.setTimeout(focus, 0);
  }, [pathKey]);

  return (
    <I18nContext.Provider value={i18n}>
      <SessionProvider>
        <Layout location={location}>
          <Suspense fallback={<Loading />}>
            <Page location={location} />
          </Suspense>
        </Layout>
      </SessionProvider>
    </I18nContext.Provider>
  );
}
