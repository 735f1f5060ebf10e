/**
 * Normalisation of client applications to the report's short list. A rule is a regular expression
 * (RE2 syntax, as DuckDB's regexp_matches reads it) tested against the lower-cased raw client name;
 * the first rule that matches gives the endpoint. A raw name that matches no rule is `Other`, and a
 * use with no client information at all is `Unknown`.
 */

import type { EndpointRule } from '../engine/types';

export type { EndpointRule };

export const ENDPOINTS = [
  'RingCentral app for Windows',
  'RingCentral app for Mac',
  'RingCentral app for Web',
  'RingCentral app for iOS',
  'RingCentral app for Android',
  'Desk phone',
  'Room',
  'Phone (PSTN)',
  'Other',
  'Unknown',
] as const;

export const DEFAULT_ENDPOINT_RULES: readonly EndpointRule[] = [
  { pattern: '\\b(desk ?phone|hard ?phone|ip phone|polycom|poly|yealink|cisco|grandstream|mitel|avaya|vvx)\\b', endpoint: 'Desk phone' },
  { pattern: '\\b(room|rooms)\\b', endpoint: 'Room' },
  { pattern: '\\b(pstn|landline|mobile number|findme|followme|ringout mobile)\\b', endpoint: 'Phone (PSTN)' },
  { pattern: '\\b(windows|win|win32|win64|pc)\\b', endpoint: 'RingCentral app for Windows' },
  { pattern: '\\b(mac|macos|osx|os x|darwin)\\b', endpoint: 'RingCentral app for Mac' },
  { pattern: '\\b(ios|iphone|ipad)\\b', endpoint: 'RingCentral app for iOS' },
  { pattern: '\\b(android)\\b', endpoint: 'RingCentral app for Android' },
  { pattern: '\\b(web|browser|chrome|firefox|safari|edge)\\b', endpoint: 'RingCentral app for Web' },
];
