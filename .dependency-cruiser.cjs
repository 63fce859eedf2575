/**
 * Import rules for src/, checked by `npm test` (`npm run check:imports`).
 *
 * Floors, lowest first; a module imports only from its own floor or those below it:
 * lib → datasources → config → state → query → components → features → app, embed.
 */
const FLOORS = ['lib', 'datasources', 'config', 'state', 'query', 'components', 'features'];
const ABOVE = ['app', 'embed'];

const floorRules = FLOORS.map((floor, i) => ({
  name: `floor-${floor}`,
  severity: 'error',
  comment: `src/${floor} sits below ${[...FLOORS.slice(i + 1), ...ABOVE].join(', ')}: move what it needs down.`,
  from: { path: `^src/${floor}/` },
  to: { path: `^src/(${[...FLOORS.slice(i + 1), ...ABOVE].join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...floorRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle means two modules are one; move the shared part below both.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-feature-to-feature',
      severity: 'error',
      comment:
        'A feature never imports another feature; shared pieces move to components/ or lib/.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/([^/]+)/', pathNot: '^src/features/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.app.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
