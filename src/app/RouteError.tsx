import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div role="alert" className="mx-auto max-w-2xl p-8">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 break-words text-slate-700 dark:text-slate-300">{message}</p>
      <a className="btn mt-4 inline-block" href={import.meta.env.BASE_URL}>
        Back to Health
      </a>
    </div>
  );
}
