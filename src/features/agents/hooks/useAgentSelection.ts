import { useCallback } from 'react';
import { useVariables } from '@/state/urlState';

/** The agents the view is narrowed to, kept in the URL as `var-agent` so a link shares it. */
export function useAgentSelection() {
  const { variables, setVariable } = useVariables();
  const selected = variables.agent ?? [];
  const select = useCallback((agent: string) => setVariable('agent', [agent]), [setVariable]);
  const clear = useCallback(() => setVariable('agent', []), [setVariable]);
  return { selected, select, clear };
}
