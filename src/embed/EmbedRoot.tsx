import { Outlet } from 'react-router';
import { useConfig } from '@/config/ConfigContext';
import { EmbedBridge } from './EmbedBridge';

/** True inside an iframe (or any frame): there is a host page to talk to. */
export function isFramed(win: Window = window): boolean {
  return win.parent !== win;
}

/**
 * The root of every route. Inside a frame it runs the postMessage bridge, which needs the
 * router for the URL state, beside whatever view the address selects.
 */
export function EmbedRoot() {
  const config = useConfig();
  return (
    <>
      {isFramed() && (
        <EmbedBridge
          host={window.parent}
          referrer={document.referrer}
          allowedOrigins={config.embed.allowedOrigins}
        />
      )}
      <Outlet />
    </>
  );
}
