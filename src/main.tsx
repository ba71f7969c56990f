/** Entry point: start the React-free app core, then render the UI over its store. */
// First: it configures zod before any module builds a schema (see the file).
import './security/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApp } from './app/app';
import { AppStoreContext, PlannerContext, SessionContext } from './ui/app-context';
import { App } from './ui/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = startApp(window);
const reactRoot = createRoot(root);
// During development a hot update of this module starts a fresh app: free the old one first.
if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    reactRoot.unmount();
    app.dispose();
  });
}

reactRoot.render(
  <StrictMode>
    <AppStoreContext value={app.store}>
      <PlannerContext value={app.planner}>
        <SessionContext value={app.session}>
          <App />
        </SessionContext>
      </PlannerContext>
    </AppStoreContext>
  </StrictMode>,
);
