/**
 * Every sentence the demo workspace says, written by hand so the language engine and the coach
 * meet text that reads like a real bakery and its customers. Templates use `{first}` (the
 * person's first name), `{product}`, `{town}` and `{site}`; `fillText` fills them in.
 */

export const TOWN = 'Harrogate';
export const NEARBY_TOWNS = ['Knaresborough', 'Ripon', 'Leeds', 'York', 'Otley', 'Wetherby', 'Ilkley'];
export const FAR_PLACES = [
  'London', 'Manchester', 'Glasgow', 'Bristol', 'Edinburgh', 'Cardiff', 'Dublin', 'Lisbon', 'Berlin',
  'Toronto', 'Melbourne', 'Portland, OR', 'Brighton', 'Newcastle', 'Sheffield', 'Norwich', '',
];
export const SITE = 'https://crumbandco.example';

export function fillText(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** What is on the counter, by month (1-12), so posts follow the seasons. */
export const SEASONAL_PRODUCTS: Record<number, string[]> = {
  1: ['seeded rye', 'marmalade buns', 'porridge loaf', 'cardamom buns'],
  2: ['blood orange tart', 'chocolate rye cookies', 'cardamom buns', 'seeded spelt'],
  3: ['rhubarb and custard danish', 'wild garlic focaccia', 'simnel slices', 'seeded spelt'],
  4: ['hot cross buns', 'wild garlic focaccia', 'rhubarb tarts', 'lemon drizzle'],
  5: ['asparagus and cheddar galette', 'strawberry tarts', 'olive focaccia', 'country sourdough'],
  6: ['strawberry tarts', 'elderflower cake', 'tomato focaccia', 'country sourdough'],
  7: ['raspberry croissants', 'tomato focaccia', 'cherry bakewell', 'country sourdough'],
  8: ['peach galette', 'courgette loaf', 'blackberry buns', 'country sourdough'],
  9: ['plum tart', 'apple and cinnamon knots', 'pumpkin seed rye', 'Yorkshire parkin'],
  10: ['pumpkin loaf', 'parkin', 'apple turnovers', 'cinnamon knots'],
  11: ['parkin', 'pear and ginger cake', 'cinnamon knots', 'mince pies'],
  12: ['mince pies', 'stollen', 'panettone', 'cinnamon knots'],
};
export const STAPLES = ['country sourdough', 'croissants', 'cardamom buns', 'sausage rolls', 'brownies', 'focaccia', 'pain au chocolat', 'seeded rye'];

/** Conversational posts: a question to followers, with answers a follower could give. */
export const CONVERSATION_POSTS: { text: string; answers: string[] }[] = [
  { text: 'Settle a debate in the bakehouse: crust or crumb? Which bit of a loaf do you save till last?', answers: ['Crust, every time. The darker the better.', 'Crumb! Soft middle with too much butter.', 'The heel. Always fighting my partner for it.'] },
  { text: 'What is your go-to thing on toast? Asking for a very hungry baker at 5am.', answers: ['Marmite and a thick layer of butter.', 'Smashed avocado and chilli flakes, sorry not sorry.', 'Peanut butter and banana, with honey if I am feeling fancy.'] },
  { text: 'If you could bring back one bake from last year, which would it be?', answers: ['The blackberry buns from August please!!', 'That fig and walnut loaf. I still think about it.', 'The brown butter blondies, no question.'] },
  { text: 'Morning all! What are you up to this weekend?', answers: ['Parkrun then straight to yours for a bun.', 'Allotment all day, weather permitting.', 'Kids football at 9, then hiding with a coffee.'] },
  { text: 'Tea or coffee with your morning bun? We are split 50/50 behind the counter.', answers: ['Coffee, flat white, no discussion.', 'Yorkshire Tea. This is Yorkshire.', 'Coffee in the week, tea at weekends. Is that allowed?'] },
  { text: 'We are testing a new rye recipe. Darker and sourer, or keep it mild?', answers: ['Darker! Go full Danish.', 'Mild please, my kids will not touch sour.', 'Darker and seedier if that is a word.'] },
  { text: 'Home bakers: what is the one thing you wish someone had told you about sourdough?', answers: ['That a sluggish starter is usually just a cold kitchen.', 'Wetter dough is easier once you stop fighting it.', 'Bake it longer than you think. Colour is flavour.'] },
  { text: 'Which should we make for the school fair: lemon drizzle or chocolate brownies?', answers: ['Brownies will sell out in ten minutes.', 'Lemon drizzle, it travels better.', 'Both. Obviously both.'] },
  { text: 'Name a better smell than bread at 6am. We will wait.', answers: ['Fresh coffee comes close. Very close.', 'Cut grass after rain? Still loses to bread.', 'Cinnamon buns, which technically counts.'] },
  { text: 'What bake reminds you of your grandparents?', answers: ['My nana’s ginger parkin on bonfire night.', 'Grandad’s scones, always too big for the plate.', 'Treacle tart. My gran made it every Sunday.'] },
  { text: 'Walking the dog past the shop this morning? Say hi to Biscuit, our unofficial doorman.', answers: ['Biscuit is the real reason I come in.', 'We said hi! He ignored us for a sausage roll.', 'Does Biscuit get the broken biscuits?'] },
  { text: 'Seeds on top or seeds inside? Genuinely can’t agree on the new loaf.', answers: ['Inside, so they don’t end up all over the floor.', 'Top for the crunch!', 'Both, seeds everywhere.'] },
  { text: 'What would you like to see at our winter workshops? Bread, pastry, or something else?', answers: ['Croissants, I have failed at lamination three times.', 'A beginner sourdough one please.', 'Pizza dough! For the home oven.'] },
  { text: 'Rainy day in {town}. What is your comfort bake when it pours?', answers: ['Banana bread, the only answer.', 'Cheese scones straight out of the oven.', 'Sticky toffee anything.'] },
  { text: 'Be honest: do you eat the croissant in the car before you get home?', answers: ['Every single time. The flakes are evidence.', 'I last until the traffic lights.', 'I buy two so one survives the journey.'] },
  { text: 'What flavour cinnamon knot should we try next? Cardamom-orange? Brown butter? Miso?', answers: ['Miso sounds mad enough to work.', 'Cardamom-orange, please and thank you.', 'Brown butter! Always brown butter.'] },
  { text: 'Who else is up early today? Ovens on since 4 and the radio is playing 80s hits.', answers: ['Up with the baby, so yes, unfortunately.', 'Night shift just finishing, save me a bun!', 'Early dog walk. What is the first song on?'] },
  { text: 'Favourite sandwich on sourdough? We are planning a lunch menu and need ideas.', answers: ['Wensleydale and chutney, keep it local.', 'Fish finger sandwich. Don’t judge.', 'Roast veg and hummus, please do a vegan one.'] },
  { text: 'What is a bake you have never managed to get right at home?', answers: ['Macarons. Cracked, every time.', 'Bagels. Mine come out like rocks.', 'Anything with choux pastry.'] },
  { text: 'Quick poll: would you come in for a Sunday morning opening? 9 till 12?', answers: ['Yes please! Sunday papers and a bun.', 'Absolutely, we walk past every Sunday.', 'Would love that, Saturday is always mobbed.'] },
  { text: 'What do you do with bread that goes stale? We make bread pudding. Your turn.', answers: ['Panzanella in summer, croutons in winter.', 'Breadcrumbs in the freezer, for schnitzel.', 'French toast on Saturday mornings.'] },
  { text: 'Coffee people: which local roaster should we stock next?', answers: ['Have you tried the folks in Ripon? Lovely beans.', 'Something fruity for the pour-over crowd please.', 'Whatever goes best with the cardamom buns!'] },
  { text: 'Our apprentice Maya shaped her first full batch of baguettes today. Any tips you would pass on?', answers: ['Well done Maya! Patience with the final proof.', 'Tell her to keep a notebook. Every bake teaches something.', 'They look brilliant, tell her congratulations!'] },
  { text: 'What is the best thing you ate this week? Doesn’t have to be from us.', answers: ['A ridiculous ramen in Leeds on Tuesday.', 'My daughter made pancakes, full of shells, still the best.', 'Your pumpkin loaf, sorry to be predictable.'] },
];

/** Broadcast posts: promotion, announcements. Fewer than the conversational ones. */
export const BROADCAST_POSTS = [
  '20% off all {product} this Friday only. First come, first served!',
  'New on the counter: {product}. Pre-order on our site: {site}/order',
  'Our {product} are back! Limited batch, get them while they last.',
  'Order your celebration cakes for the weekend at {site}/cakes',
  'We are hiring a weekend counter assistant. Details at {site}/jobs',
  'Sign up to our newsletter for early access to new bakes: {site}/newsletter',
  'Our award-winning {product} is back in stock. We are so proud of our team and our brand!',
  'Wholesale enquiries welcome: cafés and delis, get in touch at {site}/wholesale',
  'Free ebook: 10 secrets of our sourdough. Download it now at {site}/ebook',
  'Christmas orders are open! Mince pies, stollen and panettone: {site}/christmas',
  'Buy 5 {product}, get the 6th free, all week.',
  'Gift cards now available online at {site}/gift — the perfect present for the bread lover in your life.',
];

/** Plain updates: neither a question nor a promotion. */
export const UPDATE_POSTS = [
  'Fresh {product} out of the oven. The whole street smells of it.',
  'Snow in {town} this morning, but the ovens are warm and the door is open.',
  'Long proof, slow morning. Sometimes the dough sets the pace.',
  'Big thanks to everyone who came in today. We sold out of {product} by 11!',
  'Shop closes early today (2pm) for a staff training afternoon. Back to normal tomorrow.',
  'Flour delivery from the mill just arrived. 40 sacks up the stairs, arms are gone.',
  'First {product} of the season. Feels like a new chapter.',
  'The market stall is up! Find us by the fountain until 1pm.',
];

/** What a follower says under a post that is not a question. */
export const REACTIONS = [
  'Looks incredible!', 'That crumb 😍', 'Saving this for Saturday.', 'Oh no, now I need one.',
  'You lot never miss.', 'Popping in later, save me one!', 'My whole office is jealous now.',
  'Honestly the best part of my timeline.', 'This made my morning.', 'Right, that’s lunch sorted.',
  'Beautiful bake as always.', 'Had one yesterday, still thinking about it.',
];

/** A follower's remark that ends in a question the bakery should answer. */
export const CUSTOMER_QUESTIONS: { question: string; answer: string }[] = [
  { question: 'Do you do a gluten-free loaf at all?', answer: 'Not yet, {first}: our kitchen is full of flour so we can’t promise it is safe for coeliacs. We are talking to a GF bakery in York about stocking theirs. Would that work for you?' },
  { question: 'What time do you open on Saturdays?', answer: 'Hi {first}! 8am on Saturdays, and the first croissants come out at 8:15. Early is best for the rye.' },
  { question: 'Is the rye made with a starter or with yeast?', answer: 'All starter, {first}: our rye culture is eight years old and fed twice a day. No commercial yeast in it at all.' },
  { question: 'Could I order a birthday cake for the 14th?', answer: 'Of course, {first}! How many people is it for, and any flavours the birthday person loves?' },
  { question: 'Are the cardamom buns vegan?', answer: 'Sadly not, {first}: there is butter in the dough. The focaccia and the country sourdough are both vegan though.' },
  { question: 'Any chance of a sourdough class this winter?', answer: 'Yes! We are planning two Saturday mornings in January, {first}. I will message you as soon as the dates are fixed — beginner or more advanced?' },
  { question: 'Do you deliver to Knaresborough?', answer: 'Not yet, {first}, but the Knaresborough deli on the High Street stocks our loaves on Tuesdays and Fridays.' },
  { question: 'Where do you get your flour from?', answer: 'Most of it from a family mill just outside Ripon, {first}. Stone-ground, and they let us visit at harvest.' },
  { question: 'Can I freeze the sourdough?', answer: 'Absolutely, {first}: slice it first, freeze it in a bag and toast straight from frozen. Tastes like the day you bought it.' },
  { question: 'What hydration do you use for the focaccia?', answer: 'About 80%, {first}, with a long cold ferment overnight. Lots of olive oil in the tin is the real secret.' },
  { question: 'Is there parking anywhere near the shop?', answer: 'There is a pay-and-display on the next street, {first}, and two free 20-minute spaces right outside before 10am.' },
  { question: 'Do you take card or is it cash only?', answer: 'Both, {first}! Card, phone, cash, whatever suits you.' },
  { question: 'My starter has gone grey and smells of nail varnish. Is it dead?', answer: 'Not dead, {first}, just hungry! Pour off the liquid, feed it 1:2:2 twice a day for a few days and keep it somewhere warm. Let me know how it goes?' },
  { question: 'Do you sell your starter? I would love to try baking with it.', answer: 'We give it away, {first}! Bring a clean jar in any morning and we will fill it for you.' },
  { question: 'Are you open on Boxing Day?', answer: 'Closed on Boxing Day, {first}, but open 27th to 31st from 8 till 2. Happy Christmas!' },
  { question: 'Do you do wholesale for cafés? We are opening in the spring.', answer: 'We do, {first}, and congratulations on the café! Shall we talk over a coffee here one morning this week?' },
  { question: 'Could you do a nut-free cake for my son’s party?', answer: 'Yes, {first}, we can do a nut-free sponge; we bake it first thing before anything with nuts goes in the oven. When is the party?' },
  { question: 'What is in the seeded loaf? My husband is allergic to sesame.', answer: 'Sunflower, pumpkin, linseed and sesame, {first}, so best avoid that one. The country sourdough is sesame-free.' },
];

/** A post of theirs, by interest. Used so the bakery can give first: like, share, answer. */
export const PERSON_POSTS: Record<string, string[]> = {
  'home-baker': [
    'Finally got an ear on my sourdough! 36 hour cold proof did it.',
    'Lamination attempt number four. The butter escaped again.',
    'Made hot cross buns with the kids. Crosses are… abstract.',
    'My starter Doughlores turns one today. Feeding her extra rye as a treat.',
    'Tried a tangzhong milk bread and it is the softest thing I have ever baked.',
    'Anyone else bake to calm down? Three loaves after that meeting.',
    'Rye porridge bread, recipe from an old Danish book. Dense, in a good way.',
    'Focaccia art for my niece’s birthday: a garden of peppers and chives.',
  ],
  coffee: [
    'New beans from a roaster in Leeds, Ethiopian natural, blueberries in a cup.',
    'Pulled the best shot of my life this morning and nobody was awake to see it.',
    'Hot take: the milk matters more than the beans in a flat white.',
    'Cupping session at the café tonight. Three Kenyans, one winner.',
    'Cleaned the grinder. Why did I wait six months.',
  ],
  foodie: [
    'Best meal of the month: a tiny Sri Lankan place off Commercial Street in Harrogate.',
    'Wensleydale, apple and a slab of fruit cake. Yorkshire’s finest combination, fight me.',
    'Made pho from scratch. Eight hours. Worth every minute.',
    'Farmers market haul: purple carrots, duck eggs, and far too much cheese.',
    'Trying every pork pie in North Yorkshire so you don’t have to. Week 3.',
    'Homemade kimchi is bubbling away and my flat smells like it.',
  ],
  parent: [
    'School run in the rain. Both kids wanted to jump in every single puddle.',
    'Parents’ evening survived. Teacher says he talks too much. Wonder where he gets that.',
    'Half term plans: museum, soft play, hide in the kitchen.',
    'Toddler has discovered the word “why”. Send help and biscuits.',
  ],
  outdoors: [
    'Brimham Rocks at sunrise. Worth the 5am alarm.',
    'Parkrun PB this morning! 24:41 and very sweaty.',
    'Allotment update: the courgettes have become a problem.',
    'Walked the Nidderdale Way with the dog, 14 miles, both exhausted.',
    'First frost on the Stray this morning. Beautiful and freezing.',
  ],
  books: [
    'Finished a brilliant novel about a lighthouse keeper. Cried on the bus.',
    'Book club picked a 900-page doorstop. Wish me luck.',
    'Library haul: three cookbooks and a biography of a chef I had never heard of.',
  ],
  local: [
    'Roadworks on Parliament Street again. Leave early, folks.',
    'The Valley Gardens look incredible today.',
    'Christmas lights switch-on was lovely, packed but lovely.',
    'Does anyone know why the bus to Ripon was cancelled all morning?',
    'Who else misses the old cinema on the high street?',
  ],
};

/** A neighbouring business's own news: the kind of thread a bakery must not hijack. */
export const BUSINESS_POSTS = [
  'Our little shop turns five today! Thank you, {town}, for every visit and every kind word.',
  'New stock in: hand-thrown mugs from a potter in Masham. Come and have a look.',
  'We are closed on Monday for a family funeral. Thank you for understanding.',
  'Proud to announce we are a Living Wage employer from this month.',
  'Autumn menu launches tomorrow. Our chef has been testing soups for weeks.',
  'Big thank you to the volunteers who helped us clear the garden this weekend.',
  'Our shop window is done for winter. Took three of us and two ladders.',
  'We just won Best Independent at the local business awards. Still in shock!',
  'Book signing with a local author this Thursday at 6. Free, just turn up.',
  'Short staffed today so please be patient with us. We are doing our best!',
];
export const BUSINESS_KINDS = [
  { kind: 'bookshop', bio: 'Independent bookshop in {town}. Coffee, cats and good books.' },
  { kind: 'florist', bio: 'Florist on Cold Bath Road. Seasonal, local, no plastic.' },
  { kind: 'café', bio: 'Specialty coffee bar in {town}. Beans roasted in Yorkshire.' },
  { kind: 'deli', bio: 'Cheese, charcuterie and Yorkshire treats. Deli on the High Street, Knaresborough.' },
  { kind: 'butcher', bio: 'Family butcher since 1962. Free range, local farms.' },
  { kind: 'brewery', bio: 'Small-batch brewery. Taproom open Thu–Sun.' },
  { kind: 'cookshop', bio: 'Cookware and kitchen kit for keen cooks. Demos every Saturday.' },
  { kind: 'gift shop', bio: 'Gifts, cards and homewares made by northern makers.' },
  { kind: 'yoga studio', bio: 'Yoga for every body. Studio above the old post office.' },
  { kind: 'greengrocer', bio: 'Fruit and veg from farms within 30 miles. Veg boxes weekly.' },
  { kind: 'pottery', bio: 'Potter and teacher. Wheel classes for beginners.' },
  { kind: 'dairy', bio: 'Organic dairy farm near Ripon. Milk, butter and a lot of cows.' },
  { kind: 'record shop', bio: 'Vinyl, coffee and a very old dog. Est. 2011.' },
  { kind: 'cheesemonger', bio: 'Cheesemonger and market trader. Come for the Wensleydale.' },
];

/** The bakery answering a person's own post: giving before asking anything. */
export const BAKERY_ON_THEIR_POST: Record<string, string[]> = {
  'home-baker': [
    'That ear, {first}! What flour did you use?',
    'Brilliant bake, {first}. How long did the bulk take in your kitchen?',
    'Looks lovely, {first}. If the butter escapes, try chilling the dough 20 minutes between folds. Happy to show you one morning.',
  ],
  coffee: [
    'Sounds delicious, {first}. Where did you get the beans?',
    'We need your grinder wisdom, {first}. What do you use?',
  ],
  foodie: [
    'Adding that to our list, {first}! What should we order first?',
    'That sounds like a perfect day out, {first}. Which stall was your favourite?',
  ],
  parent: [
    'Sending biscuits and solidarity, {first}!',
    'Ha! Puddles are the best part of the school run, {first}.',
  ],
  outdoors: [
    'Stunning, {first}! Was it busy up there?',
    'Huge congratulations on the PB, {first}! Earned a bun.',
  ],
  books: [
    'What was it called, {first}? Our team would love a recommendation.',
    'Good luck with the doorstop, {first}! What is it?',
  ],
  local: [
    'Thanks for the heads-up, {first}!',
    'They really do, {first}. Best time of year for a walk there.',
  ],
  business: [
    'Congratulations, {first}! Well deserved.',
    'This is lovely news, {first}. How are you celebrating?',
    'Ooh, we will pop over this week to see them, {first}.',
  ],
};

/** A follower quoting a bakery post with praise. */
export const PRAISED_QUOTES = [
  'Best sourdough in {town}, go try @crumbandco!',
  'If you haven’t had the cardamom buns from these lovely people, what are you doing with your life?',
  'The kindest little bakery in Yorkshire. Their {product} is unreal.',
  'Genuinely the best croissant I have had outside Paris. Go, go now.',
  'Crumb & Co made our wedding cake and people are still talking about it. Highly recommend!',
  'This is my favourite shop in {town}. Friendly, generous and the bread is amazing.',
  'Local gem. Support your independent bakers, folks, these ones are brilliant.',
  'Their {product} is the best thing I have eaten all month. Not exaggerating.',
  'Saturday ritual: dog walk, flat white, one of these beauties. Love this bakery.',
  'Proper bread, baked by proper people. Can’t recommend them enough.',
];

/** The bakery thanking a praised share in public, with a question back, as the playbook asks. */
export const PUBLIC_THANKS = [
  'Thank you so much, {first}! That made the whole team’s day. What should we bake next for you?',
  'That’s so kind, {first}, thank you! Did you try the rye yet? We would love your verdict.',
  '{first}, you are a star. Thank you! What’s your go-to order these days?',
  'Thank you, {first}! Coming from a fellow bread lover that means a lot. How is your own baking going?',
  'Honestly, {first}, thank you. We read this out in the bakehouse. What brought you in the first time?',
];
export const PRIVATE_THANKS = [
  'Hi {first}, just wanted to say thank you for sharing our post. Really appreciate it!',
  'Thanks for the lovely words, {first}. It means a lot to a small team like ours.',
  '{first}, thank you for the share and the kind words. Hope to see you in the shop soon!',
];
export const PLAIN_SHARE_THANKS = [
  'Thanks for the boost, {first}!',
  'Thank you for sharing, {first}.',
  'Cheers for passing that on, {first}!',
  'Spotted your share, {first}, thank you!',
  'That’s kind of you to share, {first}.',
  'Thanks {first}, every boost helps a small shop.',
];

/** Outbound DMs sent minutes after a follow, with a link or a pitch: the cold blast. */
export const COLD_BLAST_DMS = [
  'Thanks for following! Grab our free ebook “10 secrets of great sourdough”: {site}/ebook',
  'Welcome! Use code HELLO20 for 20% off your first order at {site}/shop',
  'Thanks for the follow! Our Christmas hampers are now on sale, order yours here: {site}/christmas',
  'Hey, thanks for following us! Check out our celebration cakes and book a tasting: {site}/cakes',
  'Welcome aboard! Subscribe to our bread club and get a free loaf every month: {site}/club',
  'Thanks for connecting! We do wholesale for cafés and delis, see our price list: {site}/wholesale',
  'Great to have you! 20% off your first order this week only, don’t miss out: {site}/shop',
  'Thanks for following! Join our newsletter for exclusive discounts: {site}/newsletter',
];

/** The greeting pasted to many people with only the name changed. */
export const PASTED_GREETING_WITH_LINK = 'Hi {first}! Thanks for the follow, check out our weekly specials at {site}/specials 🥐';
export const PASTED_GREETING_PLAIN = 'Hey {first}, welcome to the Crumb & Co family! We post fresh bakes every morning, stay tuned!';

/** Favour-asks of people who barely know the bakery. */
export const FAVOUR_ASKS = [
  'Hi {first}, could you share our new menu with your followers? It would really help us: {site}/menu',
  'Hey {first}! Would you leave us a review on Google? Every star helps a small business!',
  'Hi {first}, we are entering the Best Bakery awards. Could you vote for us and ask your friends too? {site}/vote',
  '{first}, would you mind retweeting our Christmas post? We need the reach this year.',
  'Hi {first}, could you introduce us to the buyer at your café? We would love to supply them.',
  'Could you tag us in your next food post, {first}? We are trying to grow our account.',
];

/** Favour-asks of people who have earned it: advocates who already recommend the bakery. */
export const EARNED_ASKS = [
  '{first}, your review made our week. Would you mind if we quoted it on the shop wall? Totally fine to say no!',
  '{first}, we are looking for two people to taste the new spring menu before it launches. Would you like to be one of them?',
];

/** Pitches, too early in the relationship. */
export const EARLY_PITCHES = [
  'Hi {first}, we do wedding and birthday cakes! Shall I send you our price list?',
  'Hi {first}, our bread club is just £18 a month. Want to sign up today? {site}/club',
  '{first}, you should try our Christmas hamper, only £45 and it sells out every year!',
  'Hey {first}, we cater office breakfasts! Can we send a quote to your team?',
  'Hi {first}! Our sourdough workshop has 3 places left at £65. Book now: {site}/workshop',
];

/** Messages all about the bakery: I/we/our, nothing about the reader. */
export const EGO_MESSAGES = [
  'We are so proud of our brand. Our bakery, our team, our ovens, our flour: we think we are the best in Yorkshire and our awards prove it!',
  'We just hit 2,000 followers! We worked so hard for this and we are so proud of what we have built. Our journey is only beginning.',
  'Our new website is live! We redesigned our logo, our menu and our story. We think we nailed it. Our team is amazing.',
  'I started this bakery with my own savings and my own two hands. My vision, my recipes, my rules. We are unstoppable.',
  'We have been featured in the local paper again! Our founder, our bread and our shop on the front page. We love our brand.',
];

/** A self-promoting reply inside a thread someone else started. */
export const THREAD_JACKS = [
  'Congrats! Speaking of celebrations, our celebration cakes are 15% off this week: {site}/cakes',
  'Lovely! By the way, we just launched our bread club, first month half price: {site}/club',
  'Nice one! Don’t forget to treat yourselves with our new {product}, order at {site}/order',
  'Great news! If you need catering for the party, we do platters: {site}/catering',
];

/** An invited recommendation: they asked, so answering with the bakery's own link is welcome. */
export const RECOMMENDATION_REQUESTS = [
  'Can anyone recommend a bakery in {town} that does proper celebration cakes?',
  'Where can I buy good rye bread around {town}? Asking for my Danish mother-in-law.',
  'Looking for someone to cater a small breakfast meeting next week. Ideas?',
];
export const INVITED_ANSWERS = [
  'Hi {first}! We would love to help. Our cake menu is here: {site}/cakes — happy to talk flavours over a coffee.',
  'Hi {first}, we bake a 100% rye every Tuesday and Friday ({site}/bread). Would your mother-in-law like a taste first?',
  'We do breakfast platters, {first}: {site}/catering. How many people, and any dietary needs?',
];

/** Two-way small talk in DMs or replies, for the warm relationships. */
export const WARM_OPENERS_IN = [
  'Morning! The cinnamon knots today were outrageous. What did you change?',
  'Just wanted to say the rye has fixed my breakfasts. Thank you!',
  'Quick one: is the pumpkin loaf back this week?',
  'Saw your apprentice on the news, what a star!',
  'Tried your tip about chilling the dough and the croissants actually worked!',
  'Popping in tomorrow with my mum, she is visiting from Leeds. Any recommendations?',
  'Do you still have those little jars of starter? My friend wants to try.',
  'Loved the market stall on Saturday. The new focaccia is a winner.',
];
export const WARM_ANSWERS_OUT = [
  'Thank you, {first}! A bit more cardamom and a longer proof. Glad you liked it!',
  'That makes us so happy, {first}. How do you have it, toasted?',
  'It is, {first}! Thursday to Saturday. Want us to put one aside?',
  'She will be thrilled you noticed, {first}. I will tell her!',
  'Yes!! So pleased, {first}. What are you going to bake next?',
  'Lovely, {first}! Your mum must try the parkin. How long is she staying?',
  'We do, {first}! Bring a jar any morning. Tell your friend to message us if it sulks.',
  'Thank you, {first}! Was it your first time at the market?',
];
export const WARM_OPENERS_OUT = [
  'Hi {first}! We missed you at the market on Saturday. Hope all is well?',
  '{first}, we remembered you love rye, so we set one aside for Friday. No pressure at all!',
  'Hope the new job is going well, {first}! How is the first week treating you?',
  'How did the bake turn out in the end, {first}?',
  '{first}, saw your photos from the walk. Where was that?',
  'Hi {first}, thinking of you this week. How is your dad doing?',
];
export const WARM_ANSWERS_IN = [
  'Aw thank you! All good, just a busy few weeks. See you Saturday.',
  'You are too kind. I will be in on Friday!',
  'Exhausting but brilliant, thanks for asking!',
  'Came out flat but tasty. Trying again at the weekend.',
  'Above Pateley Bridge! I will send you the route.',
  'Much better, thank you for remembering. It means a lot.',
];

/** What an advocate says unprompted: recommendations to others. */
export const ADVOCATE_MENTIONS = [
  'Anyone visiting {town} this weekend: go to @crumbandco for breakfast, thank me later.',
  'Took my in-laws to @crumbandco and they want to move here now.',
  'Shout out to @crumbandco for rescuing my dinner party with a last-minute focaccia. Legends.',
  'If you want a proper loaf and a chat with people who care, @crumbandco is your place.',
];

/** Replies from people who got a cold DM. */
export const COLD_DM_RESPONSES = ['Erm, thanks I guess.', 'I only followed because of the dog photo tbh', 'Please don’t send me ads.', 'ok'];

/** Off-line meetings logged by the bakery. */
export const MEETINGS = [
  'Met at the Saturday farmers market. Bought the last rye and asked about workshops.',
  'Came to the sourdough workshop. Great questions about hydration.',
  'Chatted at the Christmas market stall for ages about her grandmother’s parkin recipe.',
  'Met at the independent business breakfast. Talked about sharing a stall at the food festival.',
  'Popped into the shop with the kids; the youngest wants to be a baker.',
  'Coffee together to talk about supplying the café in the spring.',
];

/** Profile bios by interest; the audience-fit ones mention what the bakery's customers love. */
export const BIOS: Record<string, string[]> = {
  'home-baker': ['Home baker 🍞 | sourdough nerd | {town}', 'Weekend baker, weekday accountant.', 'Bread, cake and too many bannetons.', 'Learning to laminate one disaster at a time.'],
  coffee: ['Coffee first. Then everything else.', 'Barista, latte art enthusiast, tea hater.', 'Flat whites and film photography.'],
  foodie: ['Foodie. Eating my way around Yorkshire.', 'Food writer and pork pie critic.', 'Cook, eater, farmers market regular.'],
  parent: ['Mum of two, teacher, permanently tired.', 'Dad, cyclist, terrible at gardening.', 'Parenting, coffee and crosswords.'],
  outdoors: ['Hills, dogs and flasks of tea.', 'Runner. Allotment. Weather complainer.', 'Walking the Dales one stile at a time.'],
  books: ['Reader, librarian, cake enthusiast.', 'Books, cats, biscuits.', 'Always halfway through three novels.'],
  local: ['{town} born and bred.', 'Local councillor. Views my own.', 'Moved to {town} in 2019 and never leaving.'],
};
export const FOLLOWS_EVERYONE_BIOS = [
  'Entrepreneur | Growth hacker | I follow back 💯',
  'Marketing, mindset, money. #FollowBack',
  'Helping brands 10x their reach. DM for collabs.',
  'Digital nomad. Crypto. Follow for follow.',
  'Social media consultant | Always follow back',
];
export const BOT_NAMES = ['Lucky Deals', 'Crypto Queen', 'Sarah', 'John Smith', 'Best Offers', 'Maria', 'Follower Boost', 'Kate', 'Mike', 'Get Rich Now', 'Lily', 'Tom'];

/** The bakery answering a reply under its own post. */
export const BAKERY_REPLY_TO_REACTION = [
  'Thank you, {first}! 🧡', 'Ha, we love that, {first}.', 'You have excellent taste, {first}.',
  'Same here, {first}! See you soon?', 'That’s the spirit, {first}.', 'Thank you, {first}, that made our morning.',
  'Noted, {first}! The team agrees with you.', 'Good shout, {first}. Adding it to the list.',
];
/** A person answering the bakery's reply on their own post. */
export const THEIR_REPLY_BACK = [
  'Thanks! Just the supermarket strong white, nothing fancy.', 'About six hours, my kitchen is freezing.',
  'Ha, thank you! Will come and take you up on that.', 'Thank you! It was a good day.', 'Thanks so much, that’s really kind.',
  'Yes! Come by any time.', 'Appreciate it. Let’s catch up soon.',
];
export const THREAD_JACK_RESPONSES = ['Right… thanks.', 'Maybe read the room?', 'Not really the time, but ok.'];

/**
 * Openers and closers that a person typing by hand varies from message to message; wrapping a
 * short core with them keeps everyday replies from reading as a pasted template.
 */
export const HAND_OPENERS = ['', '', '', 'Aw, ', 'Oh ', 'Ha! ', 'Honestly, ', 'Ahh, ', 'Right, ', 'Yes! '];
export const HAND_CLOSERS = [
  '', '', '', ' See you soon!', ' Have a lovely day.', ' 🥐', ' x', ' Hope the week is treating you well.',
  ' Say hi next time you’re in!', ' How was your weekend?', ' Any plans for the week?', ' 😊', ' Enjoy!',
  ' Give the dog a pat from us.', ' Stay warm out there.', ' Thanks for being here.',
];

/** The same for followers writing in: how people vary a message they type on a phone. */
export const CASUAL_OPENERS = ['', '', '', 'Hiya! ', 'Morning! ', 'Hello you lot! ', 'Hey, ', 'Evening! '];
export const CASUAL_CLOSERS = ['', '', '', ' x', ' 🙂', ' Cheers!', ' Thanks again.', ' 🍞', ' Have a good one.', ' 🙌'];

/** More questions the bakery asks its followers, about whatever is on the counter. */
export const PRODUCT_QUESTIONS = [
  'Our {product} is back. What do you have it with?',
  'Straight from the oven: {product}. Warm or cold, how do you like it?',
  'Trying a new twist on the {product} this week. What should we add?',
  'Is it too early for {product}? Be honest.',
  'The {product} divides the bakehouse. Love it or leave it?',
  'Who remembers our first ever {product}? What did you think?',
  'If the {product} had a theme song, what would it be?',
  'Would you take a {product} on a picnic or keep it for breakfast?',
  'We need a name for the new {product}. Suggestions welcome!',
  'Half the team dunks the {product} in tea. Does that make us monsters?',
];
export const PRODUCT_ANSWERS = [
  'With a strong coffee, nothing else needed.', 'Warm, always warm.', 'A bit of orange zest?', 'Never too early!',
  'Love it. Obviously.', 'Breakfast, it would never survive a picnic.', 'Dunking is correct, ignore the haters.',
  'Save me one on Saturday please!', 'Call it the Stray Loaf!', 'Something by ABBA, for sure.',
];
