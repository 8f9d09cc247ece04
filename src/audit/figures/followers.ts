/**
 * `quality-over-quantity`: at each month's end, the followers you had, how many ever engaged and
 * how many look like bots or bought accounts. Profiles are as last imported: a profile's past
 * values are not known, so signals read today's profile.
 */
import { followerQualities, followersAsOf, followerSummary } from '../../relationships/follower-quality.js';
import { percent, plural, type FigureDefinition } from '../figure.js';

export const engagedFollowers: FigureDefinition = {
  id: 'engaged-followers',
  title: 'Engaged followers',
  principles: ['quality-over-quantity'],
  reading: 'Share of your followers who ever replied, shared, quoted, mentioned or wrote to you, next to the raw count and the likely bots. Higher is better; a growing count of bots is not growth.',
  unit: 'share',
  goodDirection: 'up',
  measure(context) {
    return (month) => {
      const end = month.end < context.snapshot.at ? month.end : context.snapshot.at;
      const followers = followersAsOf(context.snapshot, end);
      const qualities = followerQualities(context.snapshot, end, followers);
      const summary = followerSummary(context.snapshot, end, followers, qualities);
      const newcomers = followers.filter((f) => f.followedAt >= month.start);
      const newFakes = newcomers.filter((f) => qualities.get(f.personId)?.likelyFake);
      return {
        value: summary.followers === 0 ? null : summary.engagedShare,
        detail: summary.followers === 0
          ? 'No followers yet at the end of this month.'
          : `${summary.engaged} of ${plural(summary.followers, 'follower')} (${percent(summary.engagedShare)}) ever engaged; ${summary.likelyFake} look like bots or bought accounts (${newFakes.length} of the ${newcomers.length} who followed this month).`,
        counts: { followers: summary.followers, engaged: summary.engaged, likelyFake: summary.likelyFake, newFollowers: newcomers.length, newLikelyFake: newFakes.length },
        examples: newFakes.slice(0, context.playbook.audit.examples).map((f) => ({
          at: f.followedAt,
          handle: f.identity.handle,
          what: qualities.get(f.personId)?.explanation ?? 'likely a bot',
          text: null,
        })),
      };
    };
  },
};
