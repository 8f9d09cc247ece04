/** The frame of every page: the workspace header, the navigation and the current page. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { api } from './api.js';
import { formatDay } from './dates.js';
import { AuditPage } from './pages/audit.js';
import { ComposerPage } from './pages/composer.js';
import { ImportPage } from './pages/import.js';
import { PeoplePage } from './pages/people.js';
import { PersonPage } from './pages/person.js';
import { TodayPage } from './pages/today.js';
import { href, useRoute, type Route } from './router.js';
import { useLoad } from './use-load.js';
import { WorkspaceContext } from './workspace-context.js';

const NAV: readonly { readonly page: Route['page']; readonly label: string; readonly href: string }[] = [
  { page: 'today', label: 'Today', href: href.today() },
  { page: 'people', label: 'People', href: href.people() },
  { page: 'composer', label: 'Composer', href: href.composer() },
  { page: 'audit', label: 'Audit', href: href.audit() },
  { page: 'import', label: 'Import', href: href.import() },
];

/** The tab's title per page, so history and screen readers say where you are. */
const TITLES: Record<Route['page'], string> = {
  today: 'Today', people: 'People', person: 'Person', composer: 'Composer', audit: 'Audit', import: 'Import', missing: 'Not found',
};

export function App() {
  const route = useRoute();
  const workspace = useLoad(() => api.workspace(), []);
  const main = useRef<HTMLElement>(null);
  const current = route.page === 'person' ? 'people' : route.page;

  // After navigating (not on first load, where the skip link comes first), move focus to the
  // page so keyboard and screen-reader users start there rather than at the top of the nav.
  const firstRoute = useRef(true);
  useEffect(() => {
    document.title = `${TITLES[route.page]} · rapport`;
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [route]);

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href={href.today()}>rapport</a>
        <nav aria-label="Pages">
          <ul>
            {NAV.map((item) => (
              <li key={item.page}>
                <a href={item.href} aria-current={item.page === current ? 'page' : undefined}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        {workspace.data && (
          <p class="asof">
            {workspace.data.accounts.map((a) => a.handle).filter(Boolean).join(', ') || 'No accounts yet'} · as of {formatDay(workspace.data.at)}
          </p>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {workspace.error && <p class="error" role="alert">Could not reach rapport: {workspace.error}</p>}
        {workspace.data && (
          <WorkspaceContext.Provider value={workspace.data}>
            <Page route={route} onImported={workspace.reload} />
          </WorkspaceContext.Provider>
        )}
        {!workspace.data && !workspace.error && <p class="muted">Loading…</p>}
      </main>
    </>
  );
}

function Page({ route, onImported }: { route: Route; onImported: () => void }): ComponentChildren {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'composer':
      return <ComposerPage key={`${route.to ?? ''}\n${route.text ?? ''}`} to={route.to} text={route.text} />;
    case 'audit':
      return <AuditPage />;
    case 'import':
      return <ImportPage onImported={onImported} />;
    case 'missing':
      return (
        <section>
          <h1>Not found</h1>
          <p>There is no page at “{route.path}”. <a href={href.today()}>Go to Today</a>.</p>
        </section>
      );
  }
}
