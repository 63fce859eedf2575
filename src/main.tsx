// The entry stays small so its two jobs start at once rather than after the app's code has
// downloaded and run: requesting config.json, and on a link to a trace, loading that trace.
import { startDeepLinkedTraceLoad } from '@/app/earlyTraceLoad';
import {
  loadCode,
  reportToHostOnceConfigRead,
  showStartupFailure,
  StartupFailure,
} from '@/app/startupFailure';
import { CONFIG_REQUEST } from '@/config/defaults';
import { fetchText } from '@/datasources/http';
import '@/index.css';

const base = import.meta.env.BASE_URL;
const configText = fetchText(`${base}config.json`, CONFIG_REQUEST);
// A failed request is reported by the app's config loader, which awaits the same promise.
configText.catch(() => undefined);
startDeepLinkedTraceLoad(window.location, base, configText);

loadCode(() => import('@/app/start'), 'Observatory')
  .then(({ start }) => start(configText))
  .catch((error: unknown) => {
    const failure =
      error instanceof StartupFailure
        ? error
        : new StartupFailure(
            'code-unavailable',
            error instanceof Error ? error.message : String(error),
          );
    showStartupFailure(document.getElementById('root')!, failure);
    reportToHostOnceConfigRead(failure, configText);
  });
