import './lib/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import { demoConfig, loadConfig } from './config/loadConfig';
import './index.css';

const DEMO_PATHS = {
  prometheus: '/demo/prometheus',
  traces: '/demo/jaeger',
  live: '/demo/gateway',
};

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const base = import.meta.env.BASE_URL;
  // A trace link is the heaviest page: fetch its code (which starts the trace worker) while
  // config.json loads, rather than after the router asks for it.
  const path = window.location.pathname.slice(base.length - 1);
  if (/^\/traces\/(?!compare)[^/]+/.test(path)) {
    void import('./features/traces/components/TraceViewPage');
  }
  const loaded = await loadConfig(`${base}config.json`);
  if (!loaded.ok) {
    root.render(<ConfigErrorPage source={loaded.source} problems={loaded.problems} />);
    return;
  }
  let config = loaded.config;
  const wantsDemo = config.demo || new URLSearchParams(window.location.search).get('demo') === '1';
  if (wantsDemo) {
    if (!__DEMO_BUILD__) {
      root.render(
        <ConfigErrorPage
          source="config.json"
          problems={[
            {
              path: 'demo',
              message:
                'demo mode was requested but this build does not include it (build with VITE_DEMO=1)',
            },
          ]}
        />,
      );
      return;
    }
    // Imported only here, so production builds without demo mode carry no MSW code.
    const { startDemoWorker } = await import('../mocks/browser');
    await startDemoWorker(base);
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

void start();
