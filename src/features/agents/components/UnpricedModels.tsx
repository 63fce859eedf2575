/** Names models whose spend is left out of a cost, so a missing price never reads as $0. */
export function UnpricedModels({ models }: { models: readonly string[] }) {
  if (models.length === 0) return null;
  return (
    <ul
      className="mt-2 flex flex-col gap-0.5 text-xs text-amber-800 dark:text-amber-300"
      data-testid="unpriced-models"
    >
      {models.map((model) => (
        <li key={model}>
          No price for model {model || '(unnamed)'} — add it to prices in config.json. Its tokens
          are not in the cost.
        </li>
      ))}
    </ul>
  );
}
