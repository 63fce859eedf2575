// The entry stays small so its two jobs start at once rather than after the app's code has
// downloaded and run: requesting config.json, and on a link to a trace, loading that trace.
import { startDeepLinkedTraceLoad } from '@/app/earlyTraceLoad';
import { CONFIG_REQUEST } from '@/config/defaults';
import { fetchText } from '@/datasources/http';
import '@/index.css';

const base = import.meta.env.BASE_URL;
const configText = fetchText(`${base}config.json`, CONFIG_REQUEST);
// A failed request is reported by the app's config loader, which awaits the same promise.
configText.catch(() => undefined);
startDeepLinkedTraceLoad(window.location, base, configText);

import('@/app/start').then(
  ({ start }) => start(configText),
  (error: unknown) => {
    const root = document.getElementById('root');
    if (!root) return;
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.style.padding = '2rem';
    message.textContent = `Observatory could not load its code: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
    root.replaceChildren(message);
  },
);
