import { useCallback } from 'react';
import { useVariables } from '@/state/urlState';

/**
 * The values a view is narrowed to for one dashboard variable (`agent`, `model`), kept in the
 * URL as `var-<name>` so a link shares it. Queries use it as `$<name>`; none means all.
 */
export function useVariableSelection(name: string) {
  const { variables, setVariable } = useVariables();
  const selected = variables[name] ?? [];
  const select = useCallback((value: string) => setVariable(name, [value]), [name, setVariable]);
  const clear = useCallback(() => setVariable(name, []), [name, setVariable]);
  return { selected, select, clear };
}
