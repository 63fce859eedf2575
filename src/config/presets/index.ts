import type { AppConfig } from '@/config/schema';
import { aetPreset } from './aet';
import { otelGenaiPreset } from './otelGenai';
import type { PanelDef, PanelId, Preset } from './types';

export type { PanelDef, PanelId, Preset } from './types';
export { PANEL_IDS } from './types';

export const PRESETS: Record<AppConfig['preset'], Preset> = {
  aet: aetPreset,
  'otel-genai': otelGenaiPreset,
};

/** The preset's definition of a panel with the config's overrides applied. */
export function resolvePanel(config: Pick<AppConfig, 'preset' | 'panels'>, id: PanelId): PanelDef {
  const base = PRESETS[config.preset].panels[id];
  const override = config.panels[id];
  return override ? { ...base, ...override } : base;
}
