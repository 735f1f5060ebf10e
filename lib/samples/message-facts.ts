/**
 * `expected/message-facts.md`: facts about `messaging-export.zip` counted from the generator's own plan of
 * members, chats and posts, never by parsing the archive or running the product, so the Message report
 * can be checked against them.
 */
import { utf8Bytes } from './csv-text';
import { countBy, describeExtension, formatCounts, inPopulation } from './fact-lines';
import { postRecords, POSTS_PER_FILE } from './messaging-export';
import type { MessagingPlan, PostPlan } from './messaging-plan';
import { isMessage, MESSAGING_PERIOD } from './messaging-plan';
import type { Extension } from './organisation';
import { EXTENSIONS, isPerson, ORGANISATION_NAME } from './organisation';
import { isWeekend, localDate } from './wall-clock';

export function renderMessageFacts(plan: MessagingPlan): Uint8Array {
  const sections = [
    `# Message facts of the ${ORGANISATION_NAME} samples`,
    'Counted by the sample generator (`lib/samples/`) from its own plan of the messaging export, not by the product, ' +
      'so a Message report built from `messaging-export.zip` can be checked against them. `npm run samples` rewrites this file. ' +
      'A message is a post of type TextMessage whose latest version is not deleted; an edited post counts once, and a post ' +
      'with attachments and no text counts. Files shared counts messages with at least one attachment. ' +
      'Members link posts to people by platform id (the extension id). Active days are New York dates.',
    exportSection(plan),
    peopleSection(plan),
  ];
  return utf8Bytes(`${sections.join('\n\n')}\n`);
}

function exportSection(plan: MessagingPlan): string {
  const records = postRecords(plan.posts);
  const messages = plan.posts.filter(isMessage);
  const withFiles = messages.filter((post) => post.attachments.length > 0);
  const edited = plan.posts.filter((post) => post.earlier !== undefined);
  const deleted = plan.posts.filter((post) => post.deleted);
  const otherTypes = plan.posts.filter((post) => post.type !== 'TextMessage');
  const conversations = new Set(messages.map((post) => post.chat));
  const quiet = plan.chats.filter((chat) => !conversations.has(chat));
  const senders = new Set(messages.map((post) => post.creator));
  const outsiders = messages.filter((post) => post.creator.person === undefined);
  const outsidePopulation = messages.filter((post) => post.creator.person !== undefined && !inPopulation(post.creator.person));
  const utcDates = messages.map((post) => new Date(post.creationMs).toISOString().slice(0, 10)).sort();
  const localDates = messages.map((post) => localDate(post.creationMs)).sort();
  const silent = EXTENSIONS.filter((person) => inPopulation(person) && !messages.some((post) => post.creator.person === person));

  return [
    `## messaging-export.zip (Team Messaging compliance export, ${MESSAGING_PERIOD.firstDate} to ${MESSAGING_PERIOD.lastDate})`,
    '',
    `- Entries: chats/chats_1.json (${plan.chats.length} chats), members/members_1.json (${plan.members.length} members), ` +
      `posts/posts_1.json (${Math.min(POSTS_PER_FILE, records.length)} records), posts/posts_2.json (${Math.max(0, records.length - POSTS_PER_FILE)} records), ` +
      'tasks/tasks_1.json (2 records, outside the folders the product reads).',
    `- Post records: ${records.length} for ${plan.posts.length} distinct post ids; ${edited.length} edited posts are listed twice (original, then edit).`,
    `- Deleted posts (latest version): ${deleted.length}, ${deleted.filter((post) => post.earlier !== undefined).length} of them edited before they were deleted.`,
    `- Posts of other types (not messages): ${formatCounts(countBy(otherTypes, (post) => post.type))}.`,
    `- Messages: ${messages.length}. Files shared (messages with at least one attachment): ${withFiles.length}, ` +
      `${withFiles.filter((post) => post.text === '').length} of them without text; ${withFiles.reduce((sum, post) => sum + post.attachments.length, 0)} attachments in all.`,
    `- Messages by chat type: ${formatCounts(countBy(messages, (post) => post.chat.type))}.`,
    `- Conversations with messages (distinct chats): ${conversations.size} of ${plan.chats.length} chats ` +
      `(${formatCounts(countBy(plan.chats, (chat) => chat.type))}); chats without a message: ${quiet.length}.`,
    `- Messages by members outside the directory: ${outsiders.length} (${[...new Set(outsiders.map((post) => `${post.creator.firstName} ${post.creator.lastName}`))].join(', ')}).`,
    `- Messages by directory people outside the population: ${outsidePopulation.length} ` +
      `(${formatCounts(countBy(outsidePopulation, (post) => describeExtension(post.creator.person as Extension)))}).`,
    `- Message dates: ${utcDates[0]} to ${utcDates.at(-1)} in UTC, ${localDates[0]} to ${localDates.at(-1)} in New York; ` +
      `${messages.filter((post) => isWeekend(localDate(post.creationMs))).length} messages on a Saturday or Sunday.`,
    `- Members: ${plan.members.length} (${plan.members.filter((member) => member.deactivated).length} deactivated, ` +
      `${plan.members.filter((member) => member.person === undefined).length} outside the directory).`,
    `- Senders (members with at least one message): ${senders.size} (${[...senders].filter((member) => member.person !== undefined && inPopulation(member.person)).length} of them in the population).`,
    `- In the population but without a message: ${silent.map(describeExtension).join('; ')}.`,
  ].join('\n');
}

function peopleSection(plan: MessagingPlan): string {
  const messagesOf = (person: Extension): PostPlan[] => plan.posts.filter((post) => isMessage(post) && post.creator.person === person);
  return [
    '## People',
    '',
    '| Name | Ext | Status | Department | Site | Messages | Files shared | Active days |',
    '|---|---|---|---|---|---:|---:|---:|',
    ...EXTENSIONS.filter(isPerson).map((person) => {
      const messages = messagesOf(person);
      const files = messages.filter((post) => post.attachments.length > 0).length;
      const days = new Set(messages.map((post) => localDate(post.creationMs))).size;
      return `| ${person.name} | ${person.extensionNumber} | ${person.status} | ${person.department} | ${person.site.name} | ${messages.length} | ${files} | ${days} |`;
    }),
  ].join('\n');
}
