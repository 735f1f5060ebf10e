/**
 * The plan behind every sample file: the calls of each period and the usage events, drawn from fixed
 * seeds so that every run gives the same plan.
 */
import type { BuildContext } from './call-builders';
import type { SessionPlan } from './call-model';
import type { PeriodOptions } from './call-plan';
import { assignSessionIds, markDuplicates, planRoutineCalls } from './call-plan';
import { planCsvEdgeCases, planJsonEdgeCases } from './edge-cases';
import { createIdSource } from './ids';
import { createRandom } from './random';
import type { UsageEventPlan } from './usage-events';
import { planMatchedUsageEvents, planOwnUsageEvents } from './usage-events';

/** Two weeks in the API JSON; the intensity is sized for about 500 records. */
export const JSON_PERIOD: PeriodOptions = { firstDate: '2026-05-04', lastDate: '2026-05-17', intensity: 1.1 };
/** The following week in the portal CSV; the intensity is sized for about 150 records. */
export const CSV_PERIOD: PeriodOptions = { firstDate: '2026-05-18', lastDate: '2026-05-24', intensity: 0.7 };
const DUPLICATED_RECORDS = 5;
const OWN_USAGE_EVENTS = 20;

export interface SamplePlan {
  jsonSessions: SessionPlan[];
  csvSessions: SessionPlan[];
  usageEvents: UsageEventPlan[];
}

/** Plans every call and usage event; the files are renderings of this plan. */
export function planSamples(): SamplePlan {
  const ids = createIdSource(createRandom(62345000));
  const jsonContext: BuildContext = { random: createRandom(20260504), ids };
  const csvContext: BuildContext = { random: createRandom(20260518), ids };
  const usageContext: BuildContext = { random: createRandom(20260601), ids };

  const jsonSessions = [...planRoutineCalls(jsonContext, JSON_PERIOD), ...planJsonEdgeCases(jsonContext)];
  markDuplicates(jsonContext.random, jsonSessions, DUPLICATED_RECORDS);
  const csvSessions = [...planRoutineCalls(csvContext, CSV_PERIOD), ...planCsvEdgeCases(csvContext)];
  const ownEvents = planOwnUsageEvents(usageContext, OWN_USAGE_EVENTS, JSON_PERIOD.firstDate, JSON_PERIOD.lastDate);

  // Session ids are numbered over all files at once, so none repeats across files.
  assignSessionIds(ids, [...jsonSessions, ...csvSessions, ...ownEvents]);
  const matchedEvents = planMatchedUsageEvents(usageContext, jsonSessions);
  return { jsonSessions, csvSessions, usageEvents: [...matchedEvents, ...ownEvents] };
}
