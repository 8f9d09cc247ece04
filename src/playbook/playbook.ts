/**
 * The playbook's thresholds are data, not code (DESIGN §1): every number the engines use lives
 * here with its documented default, and a workspace may override any of them.
 */
import { z } from 'zod';

export const PRINCIPLES = [
  'no-first-date-proposal', 'no-cold-blast', 'be-personal', 'give-before-ask', 'ego-in-check',
  'ask-and-listen', 'thank-proportionately', 'no-thread-jacking', 'stay-in-touch', 'consistency',
  'quality-over-quantity',
] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const STAGES = ['stranger', 'connected', 'acquainted', 'engaged', 'trusted', 'advocate'] as const;
export type Stage = (typeof STAGES)[number];

export const playbookSchema = z.object({
  stages: z.object({
    answerWindowDays: z.number().positive().default(14)
      .describe('A message counts as answered when the other side writes back within this many days.'),
    engagedMinDays: z.number().int().positive().default(3)
      .describe('Two-way exchanges on at least this many different days make a relationship engaged.'),
    trustedAfterDays: z.number().nonnegative().default(28)
      .describe('Engaged for at least this many days, with them initiating too and a positive ledger, makes it trusted.'),
  }).prefault({}),
  warmth: z.object({
    halfLifeDays: z.number().positive().default(30)
      .describe('Warmth from an interaction halves every this many days.'),
    trendDays: z.number().positive().default(30)
      .describe('The warmth trend compares now with this many days earlier.'),
    trendChange: z.number().positive().default(0.2)
      .describe('A change of more than this share (0.2 = 20%) makes the trend warming or cooling.'),
    weights: z.record(z.string(), z.number().nonnegative()).default({
      follow: 1, unfollow: 0, like: 0.5, share: 2, quote: 3, reply: 2, mention: 1.5, dm: 2, meeting: 5, post: 0,
    }).describe('How much each kind of interaction warms a relationship.'),
  }).prefault({}),
  conversation: z.object({
    newConversationAfterDays: z.number().positive().default(3)
      .describe('A message after this many quiet days starts a new conversation (who initiated it counts).'),
    unpromptedDays: z.number().nonnegative().default(14)
      .describe('Praise counts as unprompted when you asked them for nothing in this many days before.'),
  }).prefault({}),
  language: z.object({
    intentThreshold: z.number().min(0).max(1).default(0.5)
      .describe('An intent (question, favour-ask, compliment…) counts when its score reaches this.'),
  }).prefault({}),
  followers: z.object({
    audienceKeywords: z.number().int().positive().default(25)
      .describe('How many words from your bios and posts make up your audience keywords (a follower whose bio uses one fits your audience).'),
    topicWindowBeforeDays: z.number().nonnegative().default(30)
      .describe('A like, share or reply to your post up to this many days before a follow counts as "engaged with your topic".'),
    topicWindowAfterDays: z.number().nonnegative().default(3)
      .describe('… or up to this many days after the follow.'),
    samePlaceMinPeople: z.number().int().positive().default(3)
      .describe('The most common location among your people counts as "your place" only when at least this many share it.'),
    followsEveryoneMinFollowing: z.number().int().nonnegative().default(1000)
      .describe('Someone following at least this many accounts …'),
    followsEveryoneRatio: z.number().positive().default(0.9)
      .describe('… and at least this many times as many accounts as follow them probably follows almost everyone back.'),
    followBackMinutes: z.number().positive().default(60)
      .describe('A follow this soon after your follow of them is a follow-back.'),
    farMoreFollowingRatio: z.number().positive().default(20)
      .describe('Following this many times more accounts than follow them is a bot signal …'),
    farMoreFollowingMin: z.number().int().nonnegative().default(500)
      .describe('… when they follow at least this many accounts.'),
    newAccountDays: z.number().nonnegative().default(90)
      .describe('An account created less than this many days before it followed you is new (a bot signal).'),
    burstMinutes: z.number().positive().default(30)
      .describe('Follows of you this close together (either side) count towards a burst.'),
    burstMinFollows: z.number().int().positive().default(5)
      .describe('At least this many follows within the burst window make a burst (a bot signal).'),
    signalWeights: z.object({
      noAvatar: z.number().nonnegative().default(0.2),
      noBio: z.number().nonnegative().default(0.15),
      followingFarMore: z.number().nonnegative().default(0.25),
      newAccount: z.number().nonnegative().default(0.2),
      noPosts: z.number().nonnegative().default(0.2),
      burst: z.number().nonnegative().default(0.25),
    }).prefault({}).describe('How much each profile signal adds to the likely-bot score (capped at 1).'),
    likelyFakeScore: z.number().min(0).max(1).default(0.6)
      .describe('A follower whose likely-bot score reaches this counts as likely fake.'),
    reasonWeights: z.object({
      mutualConnections: z.number().min(0).max(1).default(0.8),
      samePlace: z.number().min(0).max(1).default(0.5),
      fitsAudience: z.number().min(0).max(1).default(0.6),
      engagedWithTopic: z.number().min(0).max(1).default(0.9),
      followsEveryoneBack: z.number().min(0).max(1).default(0.7),
    }).prefault({}).describe('How strongly each kind of evidence explains a follow (more evidence of one kind raises it a little, never above this).'),
  }).prefault({}),
  audit: z.object({
    coldDmHours: z.number().positive().default(72)
      .describe('An outbound DM with a link or a pitch within this many hours after their follow is a cold DM.'),
    thankWindowDays: z.number().positive().default(3)
      .describe('A thank-you counts for a share when you send it within this many days.'),
    trendTolerance: z.number().nonnegative().default(0.05)
      .describe('Changes smaller than this (0.05 = 5 points of a share, or 5% of a number) count as flat.'),
    templateSimilarity: z.number().min(0).max(1).default(0.7)
      .describe('Messages at least this similar (word shingles) count as one template.'),
    templateMinRecipients: z.number().int().positive().default(3)
      .describe('A template is reported when it reached at least this many different people.'),
    examples: z.number().int().nonnegative().default(5)
      .describe('How many examples (cold DMs, unthanked shares…) the report lists per figure and month.'),
    periodMonths: z.number().int().positive().default(12)
      .describe('Without --from, the audit covers this many months up to --to (or now).'),
    quietAfterDays: z.number().positive().default(28)
      .describe('An engaged or closer relationship with no conversation for this many days counts as going quiet (stay-in-touch).'),
    quietLookbackDays: z.number().positive().default(180)
      .describe('… unless the silence is longer than this: then it is counted apart, as long gone.'),
  }).prefault({}),
  agenda: z.object({
    limit: z.number().int().positive().default(20)
      .describe('How many actions `rapport today` shows when no --limit is given.'),
    thankWindowDays: z.number().positive().default(14)
      .describe('A share or a praise older than this many days no longer asks for a thank-you.'),
    answerWindowDays: z.number().positive().default(30)
      .describe('Their questions from the last this many days are listed while unanswered.'),
    welcomeWindowDays: z.number().positive().default(7)
      .describe('A follow from the last this many days, with no exchange yet, is a new follower to welcome.'),
    followUpWindowDays: z.number().positive().default(30)
      .describe('A note reminder stays on the agenda for this many days after its date, until you follow up.'),
    quietAfterDays: z.number().positive().default(28)
      .describe('An engaged or closer relationship with no conversation for this many days is going quiet.'),
    quietLookbackDays: z.number().positive().default(120)
      .describe('Only conversations that stopped within this many days are suggested for reconnecting.'),
    quietMinMessages: z.number().int().positive().default(4)
      .describe('A relationship needs at least this many messages within the lookback (before it went quiet) to be worth a reconnect.'),
    appreciateWindowDays: z.number().positive().default(30)
      .describe('An advocate who praised or shared you within this many days is suggested for appreciation.'),
    appreciateEveryDays: z.number().positive().default(45)
      .describe('Appreciate an advocate at most once in this many days (a public share, quote or mention of yours counts).'),
    candidatesPerKind: z.number().int().positive().default(150)
      .describe('At most this many of the most recent candidates per kind are weighed (keeps huge workspaces fast).'),
    botFollowingRatio: z.number().positive().default(20)
      .describe('A new follower following this many times more accounts than follow them, with no posts or no bio, is likely a bot and not welcomed.'),
    weights: z.object({
      'thank-public': z.number().nonnegative().default(6),
      answer: z.number().nonnegative().default(6),
      'follow-up': z.number().nonnegative().default(5),
      thank: z.number().nonnegative().default(3.5),
      reconnect: z.number().nonnegative().default(3),
      appreciate: z.number().nonnegative().default(2.5),
      welcome: z.number().nonnegative().default(2),
    }).prefault({}).describe('Base score of each kind of action: what matters most when everything else is equal.'),
    stageWeight: z.number().nonnegative().default(0.5)
      .describe('Score added per stage above stranger: closer relationships come first.'),
    warmthWeight: z.number().nonnegative().default(0.5)
      .describe('Score added per unit of log(1 + warmth).'),
    freshHalfLifeDays: z.number().positive().default(5)
      .describe('Thanks, welcomes and appreciation lose half their freshness bonus every this many days.'),
    freshWeight: z.number().nonnegative().default(2)
      .describe('Freshness bonus of an event that happened just now.'),
    waitingWeight: z.number().nonnegative().default(0.15)
      .describe('Score added per day an answer, a follow-up or a reconnect has been waiting.'),
    waitingCapDays: z.number().positive().default(14)
      .describe('Waiting counts for at most this many days.'),
  }).prefault({}),
  coach: z.object({
    coldBlastHours: z.number().positive().default(72)
      .describe('A DM carrying a link or a pitch within this many hours of their follow is a cold blast (no-cold-blast).'),
    invitationDays: z.number().positive().default(30)
      .describe('Their own question from the last this many days invites an answer about your product (a pitch that answers it is welcome).'),
    templateWindowDays: z.number().positive().default(90)
      .describe('Your messages of the last this many days are compared with the draft to find pasted templates (be-personal).'),
    templateMinRecipients: z.number().int().positive().default(3)
      .describe('A draft near-identical to messages you sent to at least this many other people is a template (be-personal).'),
    templateMinWords: z.number().int().positive().default(5)
      .describe('Drafts shorter than this many word pairs ("Thanks!", "Congrats!") are never called a template.'),
    templateSimilarity: z.number().min(0).max(1).default(0.7)
      .describe('Share of word pairs two messages must have in common (names, links and numbers aside) to count as the same template.'),
    egoMinSelf: z.number().min(0).max(1).default(0.6)
      .describe('A draft whose references point at least this much at you (I, we, our, your brand) may be all about you (ego-in-check).'),
    egoRatio: z.number().positive().default(3)
      .describe('…and it is, when references to you outnumber references to them by at least this factor (ego-in-check).'),
    egoMinWords: z.number().int().positive().default(3)
      .describe('…and it names you (I, we, our…) at least this many times: one "our" in a warm line is not ego (ego-in-check).'),
    openLoopDays: z.number().positive().default(30)
      .describe('Their unanswered questions from the last this many days come before anything else you write them (ask-and-listen).'),
    consistencyGapDays: z.number().positive().default(21)
      .describe('After this many days without a message of yours to anyone, come back with conversation before an offer (consistency).'),
    consistencyWeeks: z.number().int().positive().default(4)
      .describe('Messages of yours in each of the last this many weeks count as being there regularly (consistency).'),
    followAskWords: z.array(z.string()).default(['follow back', 'follow me back', 'follow us back', 'f4f', 'follow for follow', 'follow4follow', 'give us a follow', 'give me a follow', 'follow our page', 'follow my page'])
      .describe('Phrases that ask for a follow: chasing numbers instead of people (quality-over-quantity).'),
    thankWindowDays: z.number().positive().default(30)
      .describe('Their shares of your posts from the last this many days still deserve a thank-you (thank-proportionately).'),
    quietAfterDays: z.number().positive().default(60)
      .describe('After this many days without a word either way, reconnect before you ask or pitch (stay-in-touch).'),
    openerDays: z.number().positive().default(120)
      .describe('Their posts and messages from the last this many days are used to suggest a personal opener.'),
    helpfulLinkMaxPitch: z.number().min(0).max(1).default(0.9)
      .describe('A helpful message that links only to someone else\'s site counts as a pitch only when its pitch score reaches this.'),
    maxSuggestions: z.number().int().positive().default(4)
      .describe('At most this many suggestions are shown for one draft.'),
  }).prefault({}),
});

export type Playbook = z.output<typeof playbookSchema>;

export const DEFAULT_PLAYBOOK: Playbook = playbookSchema.parse({});

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}
