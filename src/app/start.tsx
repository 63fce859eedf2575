import '@/lib/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  demoConfig,
  loadConfig,
  type ConfigFailureCode,
  type ConfigProblem,
} from '@/config/loadConfig';
import { setPageFetch } from '@/datasources/http';
import { dropPrewarmedTraceWorkers } from '@/datasources/traces/worker';
import { App } from './App';
import { ConfigErrorPage } from './ConfigErrorPage';
import { preloadPageFor } from './routes';
import { loadCode, reportToHostOnceConfigRead, StartupFailure } from './startupFailure';

const DEMO_PATHS = {
  prometheus: '/demo/prometheus',
  traces: '/demo/jaeger',
  live: '/demo/gateway',
};

function showWaitingFor(url: string): void {
  const status = document.querySelector('#root > [role="status"]');
  if (status) status.textContent = `Loading Observatory… waiting for ${url}`;
}

/**
 * Renders the app once config.json (already requested by the entry, `configText`) and the
 * current page's code have arrived.
 */
export async function start(configText: Promise<string>) {
  const root = createRoot(document.getElementById('root')!);
  const base = import.meta.env.BASE_URL;
  // The page's code loads while config.json does, and is ready for the first render (the
  // trace view's code also starts the trace worker), rather than after the router asks for it.
  const page = preloadPageFor(window.location.pathname.slice(base.length - 1));
  // A demo link's backend code loads beside config.json too, not after it.
  const urlWantsDemo = new URLSearchParams(window.location.search).get('demo') === '1';
  const loadDemoBackend = () => loadCode(() => import('@mocks/browser'), 'the demo');
  const demoBackend = __DEMO_BUILD__ && urlWantsDemo ? loadDemoBackend() : null;
  // A failed demo load is reported where the demo starts, below.
  const codeArrived = Promise.all([page, demoBackend?.catch(() => undefined)]);
  let configRead = false;
  const loading = loadConfig(`${base}config.json`, configText).finally(() => (configRead = true));
  await codeArrived;
  // The code is here; if config.json is not, the page says what it is waiting for.
  if (!configRead) showWaitingFor(`${base}config.json`);
  const loaded = await loading;
  const fail = (
    code: ConfigFailureCode | 'demo-unavailable',
    problems: ConfigProblem[],
    source: string,
  ) => {
    root.render(<ConfigErrorPage code={code} source={source} problems={problems} />);
    const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    const failure = new StartupFailure(code, `${source} has problems: ${summary}`);
    reportToHostOnceConfigRead(failure, configText);
  };
  if (!loaded.ok) {
    fail(loaded.code, loaded.problems, loaded.source);
    return;
  }
  let config = loaded.config;
  const wantsDemo = config.demo || urlWantsDemo;
  if (wantsDemo) {
    if (!__DEMO_BUILD__) {
      const message =
        'demo mode was requested but this build does not include it (build with VITE_DEMO=1)';
      fail('demo-unavailable', [{ path: 'demo', message }], 'config.json');
      return;
    }
    // Imported only here, so production builds without demo mode carry no MSW code.
    const { startDemoBackend } = await (demoBackend ?? loadDemoBackend());
    setPageFetch(startDemoBackend());
    // The trace view's code, preloaded above, started its workers before the demo backend.
    dropPrewarmedTraceWorkers();
    config = demoConfig(config, {
      prometheus: `${base}${DEMO_PATHS.prometheus.slice(1)}`,
      traces: `${base}${DEMO_PATHS.traces.slice(1)}`,
      live: `${base}${DEMO_PATHS.live.slice(1)}`,
    });
  }
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}
