/**
 * The app: routes by the path after the language, lazily loaded pages (a first visit downloads
 * only what its page needs), the page language on <html lang>, focus moved to the new page's
 * heading after a navigation, and the page title.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { I18nContext, makeI18n, useI18n } from './lib/i18n.js';
import { parseLocation, useLocationKey, navigate, type Location } from './lib/router.js';
import { setApiLanguage } from './lib/api.js';
import { SessionProvider } from './lib/session.js';
import { Layout } from './components/layout.js';
import { Loading, requestHeadingFocus } from './components/ui.js';
import { useWorlds } from './lib/reference.js';
import { homeIfLoaded } from './lib/home-data.js';
import NotFoundPage, { NotFound } from './pages/not-found.js';

export interface PageProps {
  readonly location: Location;
}

type Page = LazyExoticComponent<ComponentType<PageProps>> | ComponentType<PageProps>;

const LazyHome = lazy(() => import('./pages/home.js'));
/**
 * The home page: rendered at once when its code arrived with the first load (the entry starts
 * fetching it, ./lib/home-data.ts), without a suspended first render; otherwise lazily.
 */
function HomePage(props: PageProps) {
  const [Loaded] = useState(() => homeIfLoaded()?.default);
  return Loaded ? <Loaded {...props} /> : <LazyHome {...props} />;
}

const pages = {
  home: HomePage,
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
  offices: lazy(() => import('./pages/offices.js')),
  ledger: lazy(() => import('./pages/ledger.js')),
  scenarios: lazy(() => import('./pages/scenarios.js')),
  scenario: lazy(() => import('./pages/scenario.js')),
  scenarioReport: lazy(() => import('./pages/scenario-report.js')),
  signIn: lazy(() => import('./pages/sign-in.js')),
  // Shown before any page is fetched (an unknown world), so it is in the first bundle anyway.
  notFound: NotFoundPage,
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
    case 'offices': return pages.offices;
    case 'ledger': return pages.ledger;
    case 'sign-in': return pages.signIn;
    default: return pages.notFound;
  }
}

/**
 * A page of a world that does not exist is the 404 page, decided before the page asks anything
 * of that world (no failed reads, no live stream reconnecting for ever).
 */
function WorldGate({ location, children }: { location: Location; children: ReactNode }) {
  const { t } = useI18n();
  const worlds = useWorlds();
  // Signing in comes first: it is how a closed world becomes visible.
  if (location.world === 'record' || location.segments[0] === 'sign-in') return <>{children}</>;
  if (!worlds) return <Loading />;
  if (!worlds.some((w) => w.name === location.world)) {
    return <NotFound location={{ ...location, world: 'record' }} lead={t('app.not_found_world', { name: location.world })} closedWorld={location.world} />;
  }
  return <>{children}</>;
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
    // After a client-side navigation, the new page's heading takes the focus.
    requestHeadingFocus();
  }, [pathKey]);

  return (
    <I18nContext.Provider value={i18n}>
      <SessionProvider>
        <Layout location={location}>
          <Suspense fallback={<Loading />}>
            <WorldGate location={location}>
              <Page location={location} />
            </WorldGate>
          </Suspense>
        </Layout>
      </SessionProvider>
    </I18nContext.Provider>
  );
}
