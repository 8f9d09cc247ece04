/**
 * Small LinkedIn exports built by the tests, to the shapes of FORMATS.md §4 (names, URLs and
 * texts invented). Each fixture is a map of path → content, written as a zip, a folder or a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yazl from 'yazl';

export type Files = Record<string, string>;

const BOM = '\uFEFF';
const PREAMBLE = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here: https://www.linkedin.com/help/linkedin/answer/261"\n\n';
const CONNECTIONS_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
const MESSAGES_OLD = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n';
const MESSAGES_NEW = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION ARCHIVED\n';
const INVITATIONS = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n';
const INVITATIONS_NO_URLS = 'From,To,Sent At,Message,Direction\n';
const SHARES = 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n';
const COMMENTS = 'Date,Link,Message\n';
const REACTIONS = 'Date,Type,Link\n';
const PROFILE = 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n';

const ANA = 'https://www.linkedin.com/in/ana-souza';
const ADA = 'https://www.linkedin.com/in/ada-quill-1b2c';
const BRUNO_URL = 'https://br.linkedin.com/in/bruno-lima/';
const DAN = 'https://www.linkedin.com/in/dan-obrien';

const profileCsv = PROFILE + 'Ana,Souza,,,,"Baker, owner of Pão Bom",Sourdough every morning.,Food,,"Porto, Portugal",,,\n';

const connectionRows = [
  'Ada,Quill,https://www.linkedin.com/in/ada-quill-1b2c,,"Hooli, Inc.",VP Eng,05 Feb 2021',
  'Bruno,Lima,https://br.linkedin.com/in/bruno-lima/,bruno@example.com,Padaria Lima,Owner,12 Mar 2024',
  'Carla,Dias,,,Acme,CTO,01 Jan 2023',
  ',,,,,,',
  'Dan,"O\'Brien",https://www.linkedin.com/in/dan-obrien,,"Multi\nline Co",Dev,06 Jan 2024',
];

const m1 = `conv-1,,Ada Quill,${ADA},Ana Souza,${ANA},2024-01-06 10:22:33 UTC,,"Hi Ana, loved your post about rye!",INBOX`;
const m2 = `conv-1,,Ana Souza,${ANA},Ada Quill,${ADA},2024-01-06 11:00:00 UTC,,"Thanks Ada!\nHow is Hooli treating you?",INBOX`;
const mEva = `conv-2,,Eva Reis,https://www.linkedin.com/in/eva-reis,Ana Souza,${ANA},2024-02-01 09:00:00 UTC,Partnership idea,"Would you stock our flour?",INBOX`;
const mGroup = `conv-3,Bakers,Ana Souza,${ANA},"Bruno Lima, Dan O'Brien","${BRUNO_URL}, ${DAN}",2024-03-01 08:00:00 UTC,,"Meetup on Friday, who is in?",SENT`;
const mCarla = `conv-4,,Carla Dias,,Ana Souza,${ANA},2024-03-02 08:00:00 UTC,,"Hello from Acme ""labs""",INBOX`;

/**
 * The first export: zip, files at the root without suffixes, BOM + preamble in Connections.csv,
 * the old messages column set, Invitations.csv with URL columns, Shares/Comments/Reactions.
 */
export function basicExport(): Files {
  return {
    'Profile.csv': profileCsv,
    'Connections.csv': BOM + PREAMBLE + CONNECTIONS_HEADER + connectionRows.join('\n') + '\n',
    'messages.csv': BOM + MESSAGES_OLD + [m1, m2, mEva, mGroup, mCarla].join('\n') + '\n',
    'guide_messages.csv': MESSAGES_OLD + `g-1,,LinkedIn Coach,,Ana Souza,${ANA},2024-01-01 00:00:00 UTC,,Tip of the day,INBOX\n`,
    'Invitations.csv': INVITATIONS +
      `Ana Souza,Fabio Rocha,"9/1/25, 10:00 AM","Hi Fabio, we met at the Porto bread fair",OUTGOING,${ANA},https://www.linkedin.com/in/fabio-r\n` +
      `Gil Mota,Ana Souza,"1/6/24, 10:22 AM",,INCOMING,https://www.linkedin.com/in/gil-m,${ANA}\n`,
    'Shares.csv': SHARES +
      '2024-04-01 07:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001/,"Our first rye of the season.\nCome by!",,,PUBLIC\n' +
      '2024-04-02 07:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7003/,,https://www.linkedin.com/posts/ada-quill-1b2c_bread-activity-7002-xyz,,MEMBER_NETWORK\n' +
      '2024-04-03 07:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7004/,New recipe on our site,https://paobom.example/rye,,PUBLIC\n',
    'Comments.csv': COMMENTS +
      '2024-04-01 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:7001/,Thanks all!\n' +
      '2024-04-05 09:00:00,https://www.linkedin.com/posts/bruno-lima_croissants-activity-7005-ab,"Great crumb, Bruno!"\n' +
      '2024-04-06 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7006/,Which flour?\n',
    'Reactions.csv': REACTIONS +
      '2024-04-06 09:01:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:7006\n' +
      '2024-04-07 09:01:00,PRAISE,https://www.linkedin.com/posts/hana-k_topic-activity-7007-zz\n',
  };
}

/**
 * A newer export of the same account that overlaps the first: a subfolder, `_<memberId>`
 * suffixes, CRLF line ends, the new messages column set (with a draft), another date form.
 * New: connection Ivo, invitation from Jo, a message to Ivo, a share.
 */
export function newerExport(): Files {
  const dir = 'Complete_LinkedInDataExport_02-20-2026/';
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  const newCols = (row: string) => `${row},,No,No`;
  return {
    [`${dir}Profile.csv`]: profileCsv,
    [`${dir}Connections_12345.csv`]: crlf(PREAMBLE + CONNECTIONS_HEADER + [...connectionRows, 'Ivo,Nunes,https://www.linkedin.com/in/ivo-n,,Moinho,Miller,"Feb 1, 2026"'].join('\n') + '\n'),
    [`${dir}messages_12345.csv`]: MESSAGES_NEW + [m1, m2, mEva, mGroup, mCarla].map(newCols).join('\n') + '\n' +
      `conv-5,,Ana Souza,${ANA},Ivo Nunes,https://www.linkedin.com/in/ivo-n,2026-02-02 10:00:00 UTC,,"Welcome Ivo! What are you milling these days?",SENT,,No,No\n` +
      `conv-5,,Ana Souza,${ANA},Ivo Nunes,https://www.linkedin.com/in/ivo-n,2026-02-03 10:00:00 UTC,,"Buy my e-book",SENT,,Yes,No\n`,
    [`${dir}Invitations_12345.csv`]: INVITATIONS +
      `Ana Souza,Fabio Rocha,"9/1/25, 10:00 AM","Hi Fabio, we met at the Porto bread fair",OUTGOING,${ANA},https://www.linkedin.com/in/fabio-r\n` +
      `Gil Mota,Ana Souza,"1/6/24, 10:22 AM",,INCOMING,https://www.linkedin.com/in/gil-m,${ANA}\n` +
      `Jo Pinto,Ana Souza,"2/10/26, 3:15 PM",Loved your talk,INCOMING,https://www.linkedin.com/in/jo-p,${ANA}\n`,
    [`${dir}Shares_12345.csv`]: basicExport()['Shares.csv']! +
      '2026-02-05 07:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7010/,Spring menu is out,,,PUBLIC\n',
    [`${dir}Comments_12345.csv`]: basicExport()['Comments.csv']!,
    [`${dir}Reactions_12345.csv`]: basicExport()['Reactions.csv']!,
  };
}

/**
 * Invitations.csv without the URL columns, next to connections: a name with exactly one URL in
 * the export resolves to it; a name two connections share stays apart (never merged); an
 * unknown name gets a `name:` identity; the owner is known by the OUTGOING rows' From.
 */
export function nameOnlyExport(): Files {
  return {
    'Connections.csv': PREAMBLE + CONNECTIONS_HEADER +
      'Ada,Quill,https://www.linkedin.com/in/ada-quill-1b2c,,Hooli,VP Eng,05 Feb 2021\n' +
      'Maria,Silva,https://www.linkedin.com/in/maria-silva-1,,A,Chef,01 Feb 2021\n' +
      'Maria,Silva,https://www.linkedin.com/in/maria-silva-2,,B,Cook,02 Feb 2021\n' +
      'Rui,Costa,,,C,Baker,03 Feb 2021\n' +
      'Rui,Costa,,,D,Baker,04 Feb 2021\n',
    'Invitations.csv': INVITATIONS_NO_URLS +
      'Ana Souza,Ada Quill,"3/1/24, 9:00 AM",,OUTGOING\n' +
      'Maria Silva,Ana Souza,"3/2/24, 9:00 AM",Hi!,INCOMING\n' +
      'Ana Souza,Zed Alves,"3/3/24, 9:00 PM",,OUTGOING\n',
  };
}

export const connectionsAlone = (): string => BOM + PREAMBLE + CONNECTIONS_HEADER + connectionRows.join('\n') + '\n';

/** messages.csv alone: the owner is the one participant of every conversation. */
export const messagesAlone = (): string => MESSAGES_OLD + [m1, m2, mEva, mCarla].join('\n') + '\n';

export const badHeaderConnections = (): string => PREAMBLE + 'Last Name,URL,Email Address,Company,Position,Connected On\nQuill,https://www.linkedin.com/in/ada-quill-1b2c,,Hooli,VP Eng,05 Feb 2021\n';

/** messages.csv cut in the middle of a quoted (multi-line) field. */
export const truncatedMessages = (): string => MESSAGES_OLD + m1 + '\n' + m2.slice(0, m2.indexOf('How is'));

export async function writeZip(path: string, files: Files): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content, 'utf8'), name);
  zip.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve());
    zip.outputStream.on('error', reject);
  });
  writeFileSync(path, Buffer.concat(chunks));
}

export function writeFolder(root: string, files: Files): void {
  for (const [name, content] of Object.entries(files)) {
    const full = join(root, ...name.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content, 'utf8');
  }
}
