/**
 * Hand-placed calls that give each sample file the cases a parser or the report must handle on
 * purpose. Each carries a note, which the facts file lists.
 */
import type { BuildContext } from './call-builders';
import { faxCall, inboundCall, internalCall, outboundCall, queueCall, transferredCall } from './call-builders';
import type { SessionPlan } from './call-model';
import { extensionByNumber as extension } from './organisation';
import { fromWallClock } from './wall-clock';

/** Edge cases of the call-log JSON, 2026-05-04 to 2026-05-17. */
export function planJsonEdgeCases(context: BuildContext): SessionPlan[] {
  return [
    noted(
      'Outside call answered by Zoë Okafor (201) and transferred to Farid Haddad (301): one session, two records, four legs on the first',
      transferredCall(context, extension('201'), extension('301'), at('2026-05-06', '10:42:15.318')),
    ),
    noted('Fax sent by Beatrice Holloway (007)', faxCall(context, extension('007'), 'Outbound', at('2026-05-05', '11:05:41.020'))),
    noted(
      'Fax received by Olumide Bakare (034), whose only record is this fax',
      faxCall(context, extension('034'), 'Inbound', at('2026-05-07', '15:20:09.774')),
    ),
    noted('Fax received by José Ramírez (012)', faxCall(context, extension('012'), 'Inbound', at('2026-05-13', '09:48:30.101'))),
    noted(
      'Outside call placed by Marcus Oyelaran (102) whose result is written "call CONNECTED"',
      outboundCall(context, extension('102'), at('2026-05-12', '13:30:02.555'), { result: 'call CONNECTED' }),
    ),
    noted(
      'Outside call to Rafael Montoya (202) with the unknown result "Reserved": outcome Other, not a use',
      inboundCall(context, extension('202'), at('2026-05-14', '16:02:48.909'), { result: 'Reserved' }),
    ),
    noted(
      'Unanswered internal call from Farid Haddad (301) to Chiara Benedetti (304), who never calls',
      internalCall(context, extension('301'), extension('304'), at('2026-05-05', '14:11:37.250'), false),
    ),
    noted(
      'Unanswered internal call from Lena Vogt (302) to Chiara Benedetti (304)',
      internalCall(context, extension('302'), extension('304'), at('2026-05-11', '10:27:05.640'), false),
    ),
    noted(
      'Outside call placed from the Boston Board Room (600, a Room, not a person)',
      outboundCall(context, extension('600'), at('2026-05-07', '10:00:31.007'), { result: 'Call connected' }),
    ),
    noted(
      'Outside call placed from the Boston Board Room (600)',
      outboundCall(context, extension('600'), at('2026-05-13', '14:01:12.480'), { result: 'Call connected' }),
    ),
    noted(
      'Internal call from the Denver Lobby Phone (700, a Limited extension) answered by Elif Demir (206)',
      internalCall(context, extension('700'), extension('206'), at('2026-05-08', '12:15:44.002'), true),
    ),
    noted(
      'Outside call to the Support Line queue (501) abandoned while waiting',
      queueCall(context, extension('501'), at('2026-05-06', '16:38:20.615'), 'abandoned'),
    ),
    noted(
      'Saturday call to the Sales Line queue (500) sent to voicemail',
      queueCall(context, extension('500'), at('2026-05-09', '11:12:57.330'), 'voicemail'),
    ),
    noted(
      'Outside call to the Support Line queue (501) answered by Niall Brennan (207): a queue record and an agent record',
      queueCall(context, extension('501'), at('2026-05-12', '09:21:03.871'), 'answered', extension('207')),
    ),
  ];
}

/** Edge cases of the Admin Portal call-log CSV, 2026-05-18 to 2026-05-24. */
export function planCsvEdgeCases(context: BuildContext): SessionPlan[] {
  return [
    noted(
      'Outside call to Avery Lindqvist (101) answered on a personal mobile through FindMe (Forwarded To is the mobile number)',
      inboundCall(context, extension('101'), at('2026-05-18', '09:05:12.400'), { result: 'Accepted', findMe: true }),
    ),
    noted(
      'Outside call placed by Dmitri Valcourt (104) that lasts over an hour (Duration 1:02:09)',
      outboundCall(context, extension('104'), at('2026-05-19', '13:47:26.090'), { result: 'Call connected', duration: 3729 }),
    ),
    noted('Fax received by Nadia Petrova (023)', faxCall(context, extension('023'), 'Inbound', at('2026-05-19', '10:31:55.512'))),
    noted(
      'Internal call from Beatrice Holloway (007) answered by José Ramírez (012): extensions with leading zeros on both sides',
      internalCall(context, extension('007'), extension('012'), at('2026-05-20', '11:16:40.733'), true),
    ),
    noted(
      'Outside call answered by Elif Demir (206) and transferred to Rosa Villanueva (208)',
      transferredCall(context, extension('206'), extension('208'), at('2026-05-20', '15:54:08.215')),
    ),
    noted(
      'Outside call to the Sales Line queue (500) answered by Priyanka Desai (108)',
      queueCall(context, extension('500'), at('2026-05-21', '10:09:31.644'), 'answered', extension('108')),
    ),
    noted(
      'Outside call to the Support Line queue (501) abandoned while waiting',
      queueCall(context, extension('501'), at('2026-05-22', '14:44:19.038'), 'abandoned'),
    ),
  ];
}

function noted(note: string, plan: SessionPlan): SessionPlan {
  plan.note = note;
  return plan;
}

/** Converts a New York wall-clock time written `HH:MM:SS.mmm` on `date` to UTC epoch milliseconds. */
function at(date: string, time: string): number {
  const [hours, minutes, secondsAndMs] = time.split(':') as [string, string, string];
  const [seconds, milliseconds] = secondsAndMs.split('.') as [string, string];
  return fromWallClock(date, Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) + Number(milliseconds);
}
