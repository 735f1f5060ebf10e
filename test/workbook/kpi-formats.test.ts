import { describe, expect, test } from 'vitest';
import { channelKpis } from '../../lib/report/kpi-files';
import { COUNT_FORMAT, MINUTES_FORMAT, RATIO_FORMAT, kpiNumberFormat } from '../../lib/workbook/kpi-formats';
import { PERCENT_UNIT } from '../../lib/workbook/kpi-sheet';

// Every numeric KPI of every channel, by the format its Value cell gets.
const EXPECTED: Record<string, string> = {
  users: COUNT_FORMAT,
  active_users: COUNT_FORMAT,
  inactive_users: COUNT_FORMAT,
  active_days_per_active_user: RATIO_FORMAT,
  uses_per_active_user: RATIO_FORMAT,
  messages_sent: COUNT_FORMAT,
  messages_per_active_user_per_week: RATIO_FORMAT,
  conversations_with_messages: COUNT_FORMAT,
  files_shared: COUNT_FORMAT,
  meetings: COUNT_FORMAT,
  meeting_minutes: MINUTES_FORMAT,
  average_meeting_length: RATIO_FORMAT,
  participants: COUNT_FORMAT,
  average_participants_per_meeting: RATIO_FORMAT,
  active_hosts: COUNT_FORMAT,
  calls: COUNT_FORMAT,
  inbound_calls: COUNT_FORMAT,
  outbound_calls: COUNT_FORMAT,
  internal_calls: COUNT_FORMAT,
  answered_inbound_calls: COUNT_FORMAT,
  missed_inbound_calls: COUNT_FORMAT,
  voicemail_calls: COUNT_FORMAT,
  abandoned_calls: COUNT_FORMAT,
  other_result_calls: COUNT_FORMAT,
  talk_minutes: MINUTES_FORMAT,
  average_call_length: RATIO_FORMAT,
  calls_per_active_user_per_week: RATIO_FORMAT,
};

describe('kpiNumberFormat', () => {
  const kpis = new Map(
    (['message', 'video', 'phone'] as const)
      .flatMap((channel) => channelKpis(channel))
      .filter((kpi) => kpi.unit !== PERCENT_UNIT && kpi.id !== 'top_endpoints')
      .map((kpi) => [kpi.id, kpi]),
  );

  test('every numeric KPI has an expected format', () => {
    expect([...kpis.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s reads as %s', (id, format) => {
    const kpi = kpis.get(id)!;
    // The same format whether the value happens to be whole or not.
    expect(kpiNumberFormat(kpi, 2)).toBe(format);
    if (format !== COUNT_FORMAT) expect(kpiNumberFormat(kpi, 1.5)).toBe(format);
  });

  test('fractional count keeps its decimals', () => {
    expect(kpiNumberFormat({ id: 'calls', unit: 'calls' }, 2.5)).toBe(RATIO_FORMAT);
  });
});
