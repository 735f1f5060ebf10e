/**
 * The generator's own model of Team Messaging: members, chats and posts. `messaging-export.zip` is a
 * rendering of this plan and `expected/message-facts.md` is counted from it.
 */
import type { Activity, Extension } from './organisation';
import { EXTENSIONS, extensionByNumber, isPerson } from './organisation';
import type { Random } from './random';
import { createRandom } from './random';
import { datesBetween, fromWallClock, isWeekend } from './wall-clock';
import { MEETING_PERIOD } from './meeting-plan';

/** The same three working weeks as the meeting history. */
export const MESSAGING_PERIOD = MEETING_PERIOD;

/** Expected posts a person writes on a working day. */
const POSTS_PER_WORKING_DAY: Record<Activity, number> = { none: 0, low: 0.6, medium: 1.5, high: 2.6 };

export type ChatType = 'Personal' | 'Direct' | 'Group' | 'Team' | 'Everyone';
export type PostType = 'TextMessage' | 'PersonsAdded' | 'PersonJoined';

export interface MemberPlan {
  /** The platform id: the extension id for people of the directory. */
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  deactivated: boolean;
  /** The directory entry, or undefined for a guest from another company. */
  person?: Extension;
}

export interface ChatPlan {
  id: string;
  type: ChatType;
  /** Teams and groups have names; direct and personal chats have none. */
  name?: string;
  members: MemberPlan[];
}

export interface PostPlan {
  id: string;
  chat: ChatPlan;
  creator: MemberPlan;
  creationMs: number;
  type: PostType;
  /** Empty for a post that carries only attachments. */
  text: string;
  attachments: string[];
  /** True when the export lists the post as deleted (its latest version, for an edited post). */
  deleted: boolean;
  /** An earlier version, listed too: the export contains both the original and the edit. */
  earlier?: { text: string; deleted: boolean };
  /** The time the latest version was written, which is the creation time for a post never edited. */
  modifiedMs: number;
}

export interface MessagingPlan {
  members: MemberPlan[];
  chats: ChatPlan[];
  posts: PostPlan[];
}

/** True for a post the report counts as a message: a text message whose latest version is not deleted. */
export function isMessage(post: PostPlan): boolean {
  return post.type === 'TextMessage' && !post.deleted;
}

/** The messaging plan has its own seed, so a change to another plan leaves messaging-export.zip unchanged. */
const MESSAGING_SEED = 20260523;

export function planMessaging(random: Random = createRandom(MESSAGING_SEED)): MessagingPlan {
  const members = planMembers();
  const chats = planChats(random, members);
  const posts = planPosts(random, members, chats);
  return { members, chats, posts };
}

/** Lists every person of the directory as a member (Disabled ones deactivated), and one guest from a partner company. */
function planMembers(): MemberPlan[] {
  const people = EXTENSIONS.filter(isPerson).map(
    (person): MemberPlan => ({
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      deactivated: person.status === 'Disabled',
      person,
    }),
  );
  const guest: MemberPlan = { id: '71230042', firstName: 'Jordan', lastName: 'Blake', email: 'jordan.blake@partner.example.org', deactivated: false };
  return [...people, guest];
}

function planChats(random: Random, members: MemberPlan[]): ChatPlan[] {
  let nextId = 1_193_720_000;
  const chat = (type: ChatType, chatMembers: MemberPlan[], name?: string): ChatPlan => {
    nextId += random.int(2, 400);
    return name === undefined ? { id: String(nextId), type, members: chatMembers } : { id: String(nextId), type, name, members: chatMembers };
  };
  const byDepartment = (department: string) => members.filter((member) => member.person?.department === department);
  const member = (extensionNumber: string): MemberPlan => {
    const found = members.find((candidate) => candidate.person === extensionByNumber(extensionNumber));
    if (found === undefined) throw new Error(`messaging-plan: no member for extension ${extensionNumber}`);
    return found;
  };
  const guest = members.find((candidate) => candidate.person === undefined) as MemberPlan;

  const chats = [
    chat('Everyone', members.filter((candidate) => candidate.person !== undefined), 'All of Northwind'),
    chat('Team', byDepartment('Sales'), 'Sales'),
    chat('Team', byDepartment('Support'), 'Support'),
    chat('Team', byDepartment('Engineering'), 'Engineering'),
    chat('Team', byDepartment('Finance'), 'Finance'),
    chat('Team', [...['101', '102', '108', '301'].map(member), guest], 'Partner launch'),
    chat('Group', ['201', '202', '206', '207'].map(member), 'Escalations'),
    chat('Group', ['007', '012', '101'].map(member), 'Quarterly numbers'),
    chat('Group', ['306', '308', '309', '110'].map(member), 'Denver office'),
    chat('Personal', [member('103')]),
    chat('Personal', [member('301')]),
  ];
  const directPairs = [
    ['101', '102'], ['101', '108'], ['102', '103'], ['104', '110'], ['201', '202'], ['202', '206'], ['203', '208'],
    ['205', '210'], ['301', '306'], ['302', '307'], ['007', '012'], ['023', '058'], ['107', '204'], ['303', '309'],
    // Between people who never post, so the export has chats without a message.
    ['106', '304'], ['034', '045'],
  ];
  for (const pair of directPairs) chats.push(chat('Direct', pair.map(member)));
  return chats;
}

/** How often a person posts in each type of chat they belong to. */
const CHAT_WEIGHT: Record<ChatType, number> = { Direct: 35, Team: 30, Group: 20, Everyone: 8, Personal: 7 };

function planPosts(random: Random, members: MemberPlan[], chats: ChatPlan[]): PostPlan[] {
  const posts: PostPlan[] = [];
  for (const date of datesBetween(MESSAGING_PERIOD.firstDate, MESSAGING_PERIOD.lastDate)) {
    const weekend = isWeekend(date);
    for (const member of members) {
      const person = member.person;
      if (person !== undefined && person.lastWorkingDay !== undefined && date > person.lastWorkingDay) continue;
      const expected = person === undefined ? 0.5 : POSTS_PER_WORKING_DAY[person.activity];
      const count = random.count(8, Math.min(1, (weekend ? expected * 0.05 : expected) / 8));
      const ownChats = chats.filter((chat) => chat.members.includes(member));
      if (ownChats.length === 0) continue;
      for (let i = 0; i < count; i++) {
        const chat = random.weighted(ownChats.map((candidate) => [candidate, CHAT_WEIGHT[candidate.type]] as const));
        posts.push(routinePost(random, member, chat, date));
      }
    }
  }
  markVariants(random, posts, chats);
  posts.sort((a, b) => a.creationMs - b.creationMs);

  // Post ids grow with time on the platform, so they are handed out in creation order.
  let nextId = 5_830_310_000;
  for (const post of posts) {
    nextId += random.int(3, 90);
    post.id = String(nextId);
  }
  return posts;
}

const FILE_NAMES = ['q2-forecast.xlsx', 'store-layout.pdf', 'tent-photo.jpg', 'returns-policy.docx', 'shipping-rates.csv', 'notes.txt'];
const PHRASES = [
  'Can you take a look at this?', 'Shipping the order today.', 'Thanks, that works for me.', 'Call moved to 3 pm.',
  'The Denver stock count is done.', 'Customer asked about the winter line.', 'Draft attached for review.', 'Done, closing the ticket.',
  'Who has the key to the storage room?', 'Lunch order goes out at noon.', 'Updated the price list.', 'Good catch, fixing it now.',
];

function routinePost(random: Random, creator: MemberPlan, chat: ChatPlan, date: string): PostPlan {
  const secondOfDay = random.chance(0.93) ? random.int(8 * 3600, 18 * 3600) : random.int(18 * 3600, 21 * 3600);
  const creationMs = fromWallClock(date, secondOfDay) + random.int(0, 999);
  const withFile = random.chance(0.06);
  const fileOnly = withFile && random.chance(0.4);
  return {
    id: '',
    chat,
    creator,
    creationMs,
    type: 'TextMessage',
    text: fileOnly ? '' : random.pick(PHRASES),
    attachments: withFile ? Array.from({ length: random.int(1, 2) }, () => random.pick(FILE_NAMES)) : [],
    deleted: false,
    modifiedMs: creationMs,
  };
}

/**
 * Turns a few routine posts into the cases the report must handle: deleted posts, edited posts (listed
 * twice), a post edited and then deleted, and system posts of other types.
 */
function markVariants(random: Random, posts: PostPlan[], chats: ChatPlan[]): void {
  const plain = () => {
    for (;;) {
      const post = random.pick(posts);
      if (post.type === 'TextMessage' && !post.deleted && post.earlier === undefined && post.attachments.length === 0) return post;
    }
  };
  for (let i = 0; i < 9; i++) {
    const post = plain();
    post.deleted = true;
    post.text = '';
  }
  for (let i = 0; i < 5; i++) {
    const post = plain();
    post.earlier = { text: post.text, deleted: false };
    post.text = `${post.text} (edited)`;
    post.modifiedMs = post.creationMs + random.int(60, 3600) * 1000;
  }
  const editedThenDeleted = plain();
  editedThenDeleted.earlier = { text: editedThenDeleted.text, deleted: false };
  editedThenDeleted.text = '';
  editedThenDeleted.deleted = true;
  editedThenDeleted.modifiedMs = editedThenDeleted.creationMs + 600_000;

  // Someone added to a team and joining a group leave system posts that are not messages.
  const launch = chats.find((chat) => chat.name === 'Partner launch') as ChatPlan;
  const system: [PostType, ChatPlan, string][] = [
    ['PersonsAdded', launch, '2026-05-04'],
    ['PersonJoined', launch, '2026-05-04'],
    ['PersonsAdded', chats.find((chat) => chat.name === 'Denver office') as ChatPlan, '2026-05-11'],
    ['PersonJoined', chats.find((chat) => chat.name === 'Escalations') as ChatPlan, '2026-05-18'],
  ];
  for (const [type, chat, date] of system) {
    const creationMs = fromWallClock(date, 9 * 3600 + random.int(0, 1800));
    posts.push({ id: '', chat, creator: random.pick(chat.members), creationMs, type, text: '', attachments: [], deleted: false, modifiedMs: creationMs });
  }
}
