import { useContext, useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ConfigContext } from '@/config/ConfigContext';
import { ACTION_LABEL, reportToHost, StartupFailure } from './startupFailure';

export function RouteError() {
  const error = useRouteError();
  const allowedOrigins = useContext(ConfigContext)?.embed.allowedOrigins;
  // A page whose code did not arrive is a start-up failure the portal is told about.
  const failure = error instanceof StartupFailure ? error : null;
  useEffect(() => {
    if (failure) reportToHost(failure, allowedOrigins ?? []);
  }, [failure, allowedOrigins]);

  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div role="alert" className="mx-auto max-w-2xl p-8">
      <h1 className="text-xl font-semibold">
        {failure ? 'This page could not be loaded' : 'Something went wrong'}
      </h1>
      <p className="mt-2 break-words text-slate-700 dark:text-slate-300">{message}</p>
      <div className="mt-4 flex gap-3">
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {ACTION_LABEL[failure?.action ?? 'retry']}
        </button>
        <a className="btn inline-block" href={import.meta.env.BASE_URL}>
          Back to Health
        </a>
      </div>
    </div>
  );
}
