/**
 * The explainable half of the engine: phrase rules per intent. Each rule has an id (it becomes a
 * feature of the learned model too, so the model learns how much to trust it) and a weight, the
 * score the rule alone gives its intent. Patterns are matched on the lower-cased text; the evidence is cut from
 * the original, so it shows the user's exact words.
 *
 * The wording comes from the seeds (the first-date proposal, the e-book after a follow, "promote
 * this thing for me", the caller plugging his book) and from what marketing spam looks like.
 */
import type { IntentName } from './types.js';

export interface RuleDef {
  id: string;
  /**
   * Space-separated tokens (lower-case words; `<percent>` for a percentage; punctuation as
   * itself) at which a match can begin. The pattern is only tried, anchored, at those tokens:
   * this keeps rule matching to a few anchored attempts per message.
   */
  starts: string;
  /** Only at the start of a sentence. */
  sentenceStart?: boolean;
  intent: IntentName;
  weight: number;
  /** Regex source over lower-cased text, compiled with the sticky flag only (no `i`/`u`: both are slow). */
  pattern: string;
}

const CONTENT_NOUNS =
  '(?:wares|goods|stuff|channel|vids?|videos?|page|website|site|blog|book|e-?books?|guide|course|music|songs?|single|album|mixtape|tracks?|podcast|profile|store|shop|app|products?|newsletter|art|cover|covers|account|sounds?|beats?|raps?|remix(?:es)?|playlist|vlogs?|stream|twitch|merch|t-?shirts?|designs?|games?|gaming channel|portfolio|shop link|insta(?:gram)?|twitter|facebook|fb|soundcloud|webinar|masterclass|workshop|program(?:me)?|services?|agency|brand|business|company|startup|offer|launch)';

const SHARE_VERBS =
  '(?:share|retweet|rt|repost|re-?post|boost|promote|plug|recommend|review|mention|introduce|intro|vote(?: for)?|like|follow|subscribe(?: to)?|spread|sign|donate(?: to)?|feature|tag|endorse|support|back|fund|check out|buy|download|watch|visit)';

export const RULES: readonly RuleDef[] = [
  // --- pitch: selling, offers, calls to action, and plugging one's own things
  { id: 'pitch.discount', starts: "<percent> discount discounts coupon coupons promo promotion promotional voucher vouchers half bogo clearance use", intent: 'pitch', weight: 0.85, pattern: String.raw`\b\d+(?:[.,]\d+)?\s?%\s?(?:off|discount)\b|\b(?:discount|coupon|promo(?:tion(?:al)?)? code|voucher|half price|bogo|clearance)s?\b|\buse (?:my |the |our )?code\b` },
  { id: 'pitch.cta', starts: "buy order shop book grab claim download register enrol enroll enrolll join apply act reserve call sign signup sign-up click link dm schedule hop jump purchase", intent: 'pitch', weight: 0.8, pattern: String.raw`\b(?:buy|order|purchase|download)(?: it| them| this| these| one| yours)? here\b|\b(?:buy|order|shop|book|grab|claim|download|register|enrol+|enroll|join|apply|act|reserve) (?:it |yours |one |your (?:copy|spot|seat|place|free \w+) |a copy |your \w+ )?(?:now|today|asap)\b(?!\s*\?)|\bcall (?:us |me )?(?:now|today)\b(?!\s*\?)|\bsign[ -]?up (?:now|today|here|for|at|and|free|to|using|with)\b|\bsign[ -]?up\s*[!:]|\bclick (?:here|the link|below|on the link)\b|\blink in (?:my |the )?bio\b|\bdm me (?:for|to)\b|\b(?:book|schedule|grab|hop on|jump on) (?:a |an |your )?(?:free |quick |short |15[- ]min(?:ute)? |30[- ]min(?:ute)? )?(?:call|demo|consultation|consult|session|strategy call|discovery call|meeting)\b` },
  { id: 'pitch.offer', starts: "free limited special exclusive introductory launch early early-bird best money money-back no risk risk-free only per / for lowest great huge amazing big now all everything item items sale while don't dont last hurry", intent: 'pitch', weight: 0.7, pattern: String.raw`\b(?:free (?:trial|consultation|demo|quote|audit|shipping|e-?book|guide|webinar|download|ticket|entry|gift|delivery|sample|month)|limited (?:time|offer|spots|places|seats|stock|edition)|(?:special|exclusive|introductory|launch|early[- ]bird) (?:offer|deal|price|pricing|discount|rate)|best (?:price|deal|rates)|money[- ]back guarantee|no obligation|risk[- ]free|only \$\d+|per month|\/mo\b|for just|lowest price|(?:great|huge|amazing|big) (?:deals|savings)|(?:now|all|everything|items?) on sale|sale ends|while stocks? last|don'?t miss (?:out|this)|last chance|hurry(?:,? (?:only|while|before|offer|ends|limited)|!))\b` },
  // The platform's share-button text ("Check out this video on YouTube:") pasted into someone
  // else's comments: a link dropped into their conversation (no-thread-jacking).
  { id: 'pitch.share-button', starts: "check take watch", intent: 'pitch', weight: 0.8, pattern: String.raw`\b(?:check out|take a look at|watch) this (?:video|playlist|channel|track|song) on (?:youtube|soundcloud|spotify|vimeo|twitch|tiktok)\b` },
  // Announcing one's own work where nobody asked: "I did a cover", "this is my playlist".
  { id: 'pitch.made-this', starts: "i we i've ive we've this here here's im i'm", intent: 'pitch', weight: 0.6, pattern: String.raw`\b(?:i|we|i've|ive|we've) (?:just )?(?:did|made|recorded|wrote|written|released|dropped|uploaded|started|launched|done|created|posted) (?:a|an|my|our|some|the) (?:[\w'-]+ ){0,2}?(?:cover|song|track|video|vid|channel|remix|beat|album|ep|mixtape|playlist|vlog|game|app|podcast|music video|t-?shirt|website|blog)s?\b|\b(?:this is|here's|here is) (?:my|our) (?:\w+ )?${CONTENT_NOUNS}\b|\bi'?m (?:getting|growing|becoming) (?:popular|known|famous|big)\b` },
  { id: 'pitch.we-help', starts: "we i our my hire are you would let i'd id quick", intent: 'pitch', weight: 0.65, pattern: String.raw`\b(?:we|i) (?:help|offer|provide|specialize|specialise|build|design|deliver|guarantee|sell|install|manufacture|make custom)\b(?! (?:me|him|her|them|out|with|you with|each|it)\b)|\b(?:we|i) can (?:help|get|build|double|triple|boost|grow|fix|set up|cut|save) (?:your|you more|businesses|companies|brands)\b|\b(?:our|my) (?:product|services?|agency|app|platform|course|software|solution|team can|program(?:me)?|coaching|consulting|package|pricing)\b|\bhire (?:me|us)\b|\b(?:are you|you) (?:interested|looking) (?:in|for) (?:a |an |our |my |some )\b|\bwould you be (?:open|interested) (?:to|in)\b|\blet me know if you(?:'re| are) interested\b|\bi'?d love to (?:show|send|tell) you\b|\bquick (?:call|chat) to (?:discuss|see|show)\b` },
  { id: 'pitch.self-plug', starts: "check visit watch listen see read view look go hear try download grab buy get pick preorder pre-order stream support sub subscribe my our promoted plugging plugged promoting", intent: 'pitch', weight: 0.8, pattern: String.raw`\bcheck(?:\s*out| (?:out )?(?:me|mah|men|us) out) (?:my|mah|our|me on)\b|\bcheck (?:me|mah|men|us) out\b|\b(?:check|visit|watch|listen to|see|read|view|look at|go to|hear|try|download|grab|buy|get|pick up|preorder|pre-order|stream|support) (?:out )?(?:my|our|me on) (?:\w+ )?${CONTENT_NOUNS}\b|\b(?:sub|subscribe) (?:to )?me\b|\bbuy (?:from )?me\b(?! (?:a|an|the|some|one|lunch|dinner|breakfast|coffee|drinks?|beers?|time)\b)|\b(?:my|our) (?:brand[- ]new|new|latest|first|free|hit) ${CONTENT_NOUNS}|\b(?:my|our) (?:youtube |yt |music |new )?channel\b|\b(?:promoted|plugging|plugged|promoting) (?:his|her|their|my|our) (?:new |own )?${CONTENT_NOUNS}` },
  { id: 'pitch.subscribe', starts: "subscribe subscribed sub sub4sub follow suscribe sucscribe subcribe subscibe subsribe", intent: 'pitch', weight: 0.85, pattern: String.raw`\b(?:please |pls |plz |and |then |to )?(?:subscribe|subscribed to me|sub) (?:to )?(?:my|me|our|us)\b|\bsubscribe\b(?! to (?:your|his|her|their|the))(?!d)|\b(?:suscribe|sucscribe|subcribe|subscibe|subsribe)\b|\bsub ?4 ?sub\b|\bfollow (?:me|us)(?: on| at| @|!|\b)|\bfollow my\b` },
  // Apologising for the plug does not make it less of one.
  { id: 'pitch.sorry-spam', starts: "sorry shameless", intent: 'pitch', weight: 0.85, pattern: String.raw`\bsorry (?:for|about) (?:the |this |my |all the )?(?:spam|spamming|self[- ]?promo(?:tion)?|advertising|advert|ad|plug)\b|\bshameless (?:self[- ]?)?(?:plug|promo(?:tion)?)\b` },
  // Sending people to look for one's name or title instead of linking it.
  { id: 'pitch.look-me-up', starts: "look search", intent: 'pitch', weight: 0.8, pattern: String.raw`\blook (?:my|our|his|her) (?:name|channel|page|band|music) up\b|\bsearch (?:for )?(?:my|our) (?:name|channel|page|band|music|videos?|songs?)\b|\bsearch (?:for )?["“]` },
  // "Check it out": pointing the reader at something (the model learns how far to trust it).
  { id: 'pitch.check-it-out', starts: "check", intent: 'pitch', weight: 0.6, pattern: String.raw`\bcheck (?:it|this|them) out\b` },
  { id: 'pitch.close', starts: "want like interested up when can message get request to for", intent: 'pitch', weight: 0.8, pattern: String.raw`\b(?:want|like|interested in|up for) (?:a|to see (?:a|our|my)|to try (?:a|our|my)|to get (?:a|our|my)|the|our|my|some) (?:free |quick )?(?:quote|demo|sample|samples|details|brochure|catalogue|catalog|price list|rates|showreel|media kit|proposal|deck|trial|mockup|consultation)\b|\bwhen (?:can|could|shall) we (?:talk|chat|meet|hop on)\b|\bwhen would be a good time to (?:discuss|talk|chat|meet)\b|\bcan (?:i|we) (?:send|show|book) you (?:in )?(?:our|my|a|an|some|the)\b|\bmessage (?:me|us) (?:for|to)\b|\b(?:get|request) (?:a|your) (?:free )?quote\b|\b(?:to|for) (?:a|the) (?:first|next) \d+ (?:people|customers|businesses|clients|subscribers)\b` },
  { id: 'pitch.introduces-self', starts: "i'm im i we're were we get reach hit to gain", intent: 'pitch', weight: 0.55, pattern: String.raw`\b(?:i'?m|i am|we'?re|we are) (?:a|an) (?:\w+ ){0,2}(?:advisor|adviser|coach|consultant|photographer|realtor|designer|copywriter|developer|agency|studio|manufacturer|broker|assistant|accountant|bookkeeper|marketer|freelancer|planner|trainer|rapper|singer|producer|artist|musician|youtuber|gamer|dj|band)\b|\b(?:get|reach|hit|to|gain) (?:\d+k?|some|more|a few) (?:subs|subscribers|followers)\b` },
  { id: 'pitch.prize', starts: "you you've claim collect cash gift winner winners txt text reply send call guaranteed t unsubscribe opt opt-out optout ringtone ringtones make earn work", intent: 'pitch', weight: 0.85, pattern: String.raw`\byou(?:'ve| have)? (?:been selected|won (?:a|an|the|our|£|\$|\d)|are a winner|are the winner|have been chosen)|\b(?:claim|collect) (?:your |a )?(?:prize|reward|gift|cash|award|voucher)\b|\b(?:cash|gift) (?:prize|card|voucher)s?\b|\bwinners?\b|\b(?:txt|text|reply|send) (?:\w+ )?(?:to|on) \d{4,}|\bcall (?:now )?(?:on )?0\d{6,}|\bguaranteed\b|\bt&cs?\b|\bunsubscribe\b|\bopt[- ]?out\b|\bringtones?\b|\bmake (?:money|\$\d+)|\bearn (?:(?:real|easy|quick|fast|big|extra) )?(?:money|cash|\$\d+)|\bearn extra\b|\bwork from home\b` },

  // --- favour-ask: asking a share, a promotion, a review, an intro, a guest spot
  { id: 'favour.can-you', starts: "can could would will wud cud can't won't cant wont", intent: 'favour-ask', weight: 0.9, pattern: String.raw`\b(?:can|could|would|will|wud|cud|can't|won't) (?:you|u|ya)(?: guys| all| two)?(?: please| pls| plz| kindly| maybe| possibly| just)? ${SHARE_VERBS}(?: (?:it|this|that|these|me|us|my|our|his|her|the (?:post|link|video|page|campaign|event|petition|launch|news|word|book|album|fundraiser))\b|\s*[?!.]|\s*$)` },
  { id: 'favour.please', starts: "please pls plz plez kindly", intent: 'favour-ask', weight: 0.85, pattern: String.raw`\b(?:please|pls|plz|plez|kindly)[,!]? (?:do )?(?!\w+ (?:your|you)\b)(?:share|retweet|rt|repost|boost|promote|like|follow|subscribe|vote|review|donate|spread|support|help (?:me|us)|check (?:out )?(?:my|our|this)|recommend|tag|mention|visit|watch)\b` },
  { id: 'favour.you-need-to', starts: "you u y'all yall", intent: 'favour-ask', weight: 0.9, pattern: String.raw`\b(?:you|u|you guys|y'?all|you all)(?: really| guys)? (?:need|have|got|ought|should|must) (?:to )?(?:promote|share|retweet|rt|check (?:out )?(?:my|our|this)|follow|buy|support|subscribe|like|help (?:me|us)|plug|mention|recommend|hire)\b` },
  { id: 'favour.for-me', starts: "promote share retweet rt boost plug mention push post recommend", intent: 'favour-ask', weight: 0.85, pattern: String.raw`\b(?:promote|share|retweet|rt|boost|plug|mention|push|post|recommend) (?:this|it|that|my \w+|our \w+)(?: thing| post| link| page)? (?:for (?:me|us)|to your (?:followers|audience|list|network))\b` },
  { id: 'favour.mind', starts: "would do", intent: 'favour-ask', weight: 0.85, pattern: String.raw`\b(?:would|do) you mind (?:sharing|retweeting|promoting|reviewing|introducing|giving|mentioning|posting|recommending|checking out|signing|voting|leaving)\b` },
  { id: 'favour.love-if', starts: "would i'd id i a any share shares retweet retweets rt rts boost boosts shout shout-out shoutout shoutouts signal", intent: 'favour-ask', weight: 0.8, pattern: String.raw`\b(?:would|i'?d|i) (?:really )?(?:love|appreciate|be grateful)(?: it)?(?: so much)? if you (?:could |would |can )?(?:share|retweet|rt|promote|review|introduce|mention|recommend|check (?:out )?(?:my|our)|subscribe|follow|vote|spread|sign)\b|\b(?:a |any )?(?:share|retweet|rt|boost|shout-?out|signal boost)s? (?:would be|is|are) (?:much |greatly |hugely )?appreciated\b` },
  { id: 'favour.intro', starts: "introduce intro connect put refer recommend pass get", intent: 'favour-ask', weight: 0.8, pattern: String.raw`\b(?:introduce me to|intro me to|connect me (?:with|to)|put in a good word|refer me|recommend me to|pass my (?:cv|resume|details|name) (?:on|to)|get me (?:an )?(?:intro|interview|meeting))\b` },
  { id: 'favour.review', starts: "leave write drop post give", intent: 'favour-ask', weight: 0.8, pattern: String.raw`\b(?:leave|write|drop|post|give) (?:me |us |it )?(?:a |an |your )?(?:quick |short |honest |5[- ]star |five[- ]star )?(?:review|rating|testimonial|endorsement)s?\b` },
  { id: 'favour.reciprocal', starts: "follow f4f l4l like shout shoutout spread give", intent: 'favour-ask', weight: 0.8, pattern: String.raw`\bfollow (?:me )?back\b|\bf4f\b|\bl4l\b|\blike 4 like\b|\bshout ?out (?:for|4) (?:a )?shout ?out\b|\bspread the word\b|\bshout ?out (?:for|to) (?:me|us|my|our)\b|\bgive (?:me|us) a (?:shout|shoutout|mention|plug)\b` },
  // Engagement bait: asking people to like, share or tag to lift your own post or comment.
  { id: 'favour.engagement-bait', starts: "like likes please pls plz don't dont do give thumbs smash hit tap double tag comment share retweet rt how", intent: 'favour-ask', weight: 0.8, pattern: String.raw`\b(?:(?<!\b(?:i|we|they|you|u|really|also|just|would|did|all|so|much|do|does) )(?:please |pls |plz |(?:do not|don'?t) )?(?:like|thumbs up|upvote) (?:this|my) (?:comment|post|reply|tweet|video)(?= if\b| for\b| so\b| please\b| pls\b| and\b|\s*[!.,:;)]*\s*(?:$|\n)|\s*[\ud83c-\ud83e])|give (?:it|this|this (?:comment|post)|me|us) a (?:like|thumbs up|heart|share)\b|thumbs up (?:this|my)\b|(?:smash|hit|tap) (?:that|the) (?:like|subscribe|follow|heart)(?: button)?\b|double tap\b|tag (?:a|your|3|three|two|2) (?:friends?|mates?|buddies|people|someone)\b|comment (?:"|')?(?:yes|below|[a-z]+ below|your (?:name|email))\b|(?:like|share|retweet|rt|repost) (?:this )?if you(?:'re| are)? (?:agree|love|want|like|need|think)\b|how many (?:likes|thumbs up|shares|retweets) can (?:this|i|we)\b)` },
  // Asking for subscribers or followers outright, or bargaining for them.
  { id: 'favour.subscribers', starts: "if when once help get got need", intent: 'favour-ask', weight: 0.8, pattern: String.raw`\b(?:if|when|once) (?:i|we) (?:get|reach|hit|got) (?:to )?\d+[k,.]?\d* (?:subs|subscribers|followers|likes|views)\b|\b(?:get|got|need|help me get) (?:some|more|a few) (?:subs|subscribers|followers)\b` },
  { id: 'favour.guest', starts: "be guest have feature speak wanted want like", intent: 'favour-ask', weight: 0.7, pattern: String.raw`\b(?:be a guest|guest (?:spot|post)|have (?:me|us) on|feature (?:me|us|my|our)|be on your (?:show|podcast|channel|blog)|speak at your|(?:wanted|want|like) to be (?:a )?guest)\b` },
  { id: 'favour.help-me', starts: "help vote voting sign", intent: 'favour-ask', weight: 0.65, pattern: String.raw`\bhelp (?:me|us) (?:reach|get|grow|spread|promote|hit|win|go viral|get the word out)\b|\b(?:vote|voting) for (?:me|us|my|our)\b|\bsign (?:my|our|the) petition\b` },

  // --- question
  { id: 'question.opener', starts: "what how why when where who which do did are is have has any curious wondering", sentenceStart: true, intent: 'question', weight: 0.55, pattern: String.raw`(?:what|how|why|when|where|who|which|do you|did you|are you|is it|is there|have you|has anyone|any (?:tips|advice|ideas|thoughts)|curious (?:what|how|whether|if)|wondering (?:what|how|whether|if))\b` },

  // --- gratitude
  { id: 'gratitude.thanks', starts: "thanks thank thx thnx tks tysm ty many much really truly so appreciate grateful cheers kudos shout shout-out shoutout", intent: 'gratitude', weight: 0.9, pattern: String.raw`\b(?:thank (?:you|u|ya|y'?all|everyone)|thanks?|thx|thnx|tks|tysm|ty|many thanks|much appreciated|(?:really |truly |so )?appreciate (?:it|this|that|you|the|your)|grateful|cheers for|kudos|shout-?out to)\b` },

  // --- compliment
  { id: 'compliment.praise', starts: "congrats congratulations well bravo great nice fantastic brilliant excellent lovely beautiful amazing awesome superb wonderful stunning gorgeous solid fab love loved loving enjoyed adore nailed proud you spot so really very inspiring insightful impressive", intent: 'compliment', weight: 0.8, pattern: String.raw`\b(?:congrats|congratulations|well done|bravo|(?:great|nice|fantastic|brilliant|excellent|lovely|beautiful|amazing|awesome|superb|wonderful|stunning|gorgeous|solid|fab) (?:job|work|post|article|piece|talk|point|question|idea|read|thread|news|photo|shot|pic|video|write-?up|interview|episode|design|results|launch|team|event|advice|tips|insight|one)|(?:love|loved|loving|enjoyed|adore) (?:your|this|that|the|it|how|what)|nailed it|proud of you|you rock|spot on|so helpful|really helpful|very helpful|inspiring|insightful|impressive|brilliant|fantastic|wonderful|gorgeous|stunning|amazing|awesome|beautiful)\b` },

  // --- helpful: an answer, a resource, a suggestion
  { id: 'helpful.resource', starts: "here here's this that the you hope have take worth written wrote made by", intent: 'helpful', weight: 0.6, pattern: String.raw`\b(?:here(?:'s| is| are)(?: a| the| an| some)? (?:link|article|guide|post|thread|video|tool|resource|write-?up|walkthrough|tutorial|list|template|checklist|doc|explainer|answer|piece|study|report|paper)|(?:this|that) (?:article|guide|post|thread|video|tool|resource|page|piece|tutorial|book|talk|paper) (?:might|may|should|could|will|would|really) (?:help|be useful|answer)|you (?:might|may) (?:find|like|enjoy)|(?:this|that|the) (?:article|guide|post|thread|video|page|piece|tutorial|explainer|study|paper|doc|docs|documentation)(?: \w+){0,4} (?:explains|covers|answers|shows how|walks through|sums up)|hope (?:this|that|it) helps|have a look at|take a look at|worth (?:a )?(?:read|look|watch)|(?:written|wrote|made|by) (?:by )?@\w+)` },
  { id: 'helpful.advice', starts: "i'd id i the what one you did have try in fwiw if", intent: 'helpful', weight: 0.55, pattern: String.raw`\b(?:(?:i'?d|i would|i) (?:suggest|recommend)|the (?:trick|fix|answer|solution) is|what (?:worked|works) for (?:me|us)|one thing that (?:helps|helped)|you (?:can|could) (?:use|try|fix|find|set|change|turn|add|ask)|(?:did|have) you tried|try (?:using|turning|adding|checking|setting|asking|switching)|in case it helps|fwiw|if it helps)\b` },

  // --- personal: talking about them and what they said
  { id: 'personal.their-news', starts: "you your how hope welcome good congrats happy get", intent: 'personal', weight: 0.6, pattern: String.raw`\b(?:you (?:said|mentioned|wrote|shared|posted|asked)|your (?:talk|post|article|thread|trip|vacation|holiday|birthday|wedding|team|kids?|dog|cat|daughter|son|garden|new (?:job|role|home|house|baby|book|shop|office|position))|how (?:was|is|did|are) (?:your|the)|hope you(?:'re| are)? (?:well|feeling|doing|enjoying|having|had|get)|hope (?:the|your) \w+ (?:went|goes|is going)|welcome back|good luck (?:with|on|for)|congrats on (?:the|your)|happy birthday|get well)\b` },
];

/** Self-references, for the ego-in-check focus measure. */
export const SELF_WORDS: ReadonlySet<string> = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves',
  "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", 'im', 'ive',
]);

/** References to the reader. */
export const OTHER_WORDS: ReadonlySet<string> = new Set([
  'you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'll", "you'd",
  'u', 'ur', "y'all", 'yall', 'ya', 'youre',
]);

/**
 * Nouns that, after "my"/"our", make a link in the same message the sender's own content. Every
 * match contains "my ", "our " or "me on" (analyze.ts checks for those before running it).
 */
export const SELF_CONTENT_RE = new RegExp(String.raw`\b(?:my|our|me on)\b(?: \w+)? ${CONTENT_NOUNS}\b|\b(?:my|our) (?:site|blog|page|channel)\b`);

/** Link shorteners and video links that spam uses to hide where a link goes. */
export const SHORTENER_DOMAINS: ReadonlySet<string> = new Set([
  'bit.ly', 'goo.gl', 'tinyurl.com', 'ow.ly', 't.co', 'is.gd', 'buff.ly', 'adf.ly', 'tiny.cc', 'cutt.ly', 'rebrand.ly', 'linktr.ee',
]);

/** Fundraising, pre-order and pay-what-you-want pages: a link to one asks the reader for money. */
export const FUNDRAISING_DOMAINS: ReadonlySet<string> = new Set([
  'gofundme.com', 'gofund.me', 'kickstarter.com', 'kck.st', 'indiegogo.com', 'patreon.com', 'ko-fi.com', 'buymeacoffee.com', 'paypal.me',
  'justgiving.com', 'crowdfunder.co.uk', 'teespring.com', 'spreadshirt.com', 'redbubble.com', 'payhip.com', 'gumroad.com',
]);

/** Words too common to count as "you picked up what they said". */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if then so of to in on at for with from by about as into over after before is are was were be been ' +
    'being am do does did have has had having i me my we our you your he she it they them their his her its this that these ' +
    'those there here what which who whom how why when where not no yes just really very too also can could would should will ' +
    'shall may might must get got make made like love thanks thank hi hey hello dear all any some more most much many one ' +
    'out up down off than only own same such other again further once lol omg great good nice new now today').split(' '),
);

/** Greeting words after which the next word is usually the recipient's name. */
export const GREETINGS: ReadonlySet<string> = new Set([
  'hi', 'hey', 'hello', 'dear', 'hiya', 'howdy', 'greetings', 'morning', 'evening', 'afternoon', 'yo', 'thanks', 'congrats', 'congratulations', 'welcome',
]);

/** Words after a greeting that are not the recipient's name ("Hi there", "Thanks again"). */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'there', 'everyone', 'all', 'guys', 'team', 'friend', 'friends', 'folks', 'again', 'for', 'on', 'so', 'to', 'and',
  'you', 'u', 'y\'all', 'yall', 'both', 'everybody', 'back', 'aboard', 'the', 'a', 'with', 'in', 'i', 'we', 'my', 'our',
]);

/** Keyword baseline for the evaluation (what a naive filter would look for). */
export const BASELINE_KEYWORDS: readonly string[] = [
  'check out', 'subscribe', 'my channel', 'free', 'win', 'winner', 'prize', 'cash', 'offer', 'discount', 'buy', 'call now',
  'click', 'txt', 'http', 'www', '.com', 'promo', 'sale', 'follow me', 'visit', 'claim', 'sign up', 'share this',
];
