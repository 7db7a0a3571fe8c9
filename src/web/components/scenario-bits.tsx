/** Small pieces of the scenario pages: the clock's state as a chip (text, never colour alone). */
import { useI18n } from '../lib/i18n.js';
import type { ScenarioStatus } from '../lib/scenario.js';
import { Chip } from './ui.js';

export function ClockChip({ status }: { status: ScenarioStatus }) {
  const { t } = useI18n();
  if (status.ended) return <Chip tone="neutral"><span data-testid="clock-status" data-status="ended">{t('scenario.clock_ended')}</span></Chip>;
  switch (status.clock.status) {
    case 'running':
      return <Chip tone="success"><span data-testid="clock-status" data-status="running">{t('scenario.clock_running')}</span></Chip>;
    case 'paused':
      return <Chip tone="warning"><span data-testid="clock-status" data-status="paused">{t('scenario.clock_paused')}</span></Chip>;
    default:
      return <Chip tone="info"><span data-testid="clock-status" data-status="not_started">{t('scenario.clock_not_started')}</span></Chip>;
  }
}

/** `×60 — one real minute is one scenario hour`. */
export function speedText(t: ReturnType<typeof useI18n>['t'], speed: number): string {
  if (speed === 1) return t('scenario.speed_real');
  if (speed === 60) return t('scenario.speed_60');
  if (speed === 3600) return t('scenario.speed_3600');
  return t('scenario.speed_x', { speed });
}
