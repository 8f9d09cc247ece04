/**
 * The archive's owner: `account.js` (`{account:{username, accountId, accountDisplayName,
 * createdAt}}`), else `manifest.js` `userInfo{accountId,userName,displayName}`; older screen
 * names from `screen-name-change.js`; the owner's profile from `profile.js`
 * (`{profile:{description:{bio,website,location}, avatarMediaUrl}}`). These files are small and
 * read whole.
 */
import type { AccountRecord, ProfileRecord } from '../../domain/records.js';
import type { InputFiles } from '../archive/input-files.js';
import { damaged } from './ytd-stream.js';
import type { XLayout } from './x-layout.js';
import { idOf, isObject, unwrap, xHandle, type Owner, type RawAccount, type RawManifest, type RawProfile, type RawScreenNameChange } from './x-types.js';
import { parseXTime } from './x-time.js';
import { InputError } from '../../domain/errors.js';

/** Parses a small `window.X = <json>` file whole (everything after the first `=`, minus a `;`). */
export function parseJsAssignment(text: string, file: string): unknown {
  let body = text.replace(/^\uFEFF/, '').trim();
  const first = body[0];
  if (first !== '[' && first !== '{') {
    const eq = body.indexOf('=');
    if (eq < 0) throw damaged(file, 'no "window.YTD... = [" assignment: this is not an X archive data file');
    body = body.slice(eq + 1).trim();
  }
  body = body.replace(/;\s*$/, '');
  try {
    return JSON.parse(body);
  } catch (e) {
    const cut = !/[\]}]$/.test(body);
    throw damaged(file, cut ? 'the file is cut off in the middle' : `not valid JSON (${(e as Error).message})`, e);
  }
}

async function readItems(files: InputFiles, path: string): Promise<unknown[]> {
  const value = parseJsAssignment(await files.readText(path), path);
  if (!Array.isArray(value)) throw damaged(path, 'expected a list of items ([ ... ])');
  return value;
}

export interface OwnerInfo {
  owner: Owner;
  account: AccountRecord;
  profile: ProfileRecord;
  /** From manifest.js, when there is one. */
  manifest?: RawManifest;
}

export async function readManifest(files: InputFiles, layout: XLayout): Promise<RawManifest | undefined> {
  if (!layout.manifest) return undefined;
  const value = parseJsAssignment(await files.readText(layout.manifest), layout.manifest);
  return isObject(value) ? (value as RawManifest) : undefined;
}

export async function readOwner(files: InputFiles, layout: XLayout, manifest?: RawManifest): Promise<OwnerInfo> {
  let raw: RawAccount | undefined;
  if (layout.account) {
    raw = unwrap<RawAccount>((await readItems(files, layout.account))[0], 'account');
  }
  const uid = idOf(raw?.accountId, manifest?.userInfo?.accountId);
  const username = (typeof raw?.username === 'string' && raw.username) || (typeof manifest?.userInfo?.userName === 'string' && manifest.userInfo.userName) || undefined;
  if (uid === undefined || username === undefined) {
    throw new InputError(`${files.label}: this X archive does not say whose it is (${layout.account ?? 'data/account.js'} has no username and accountId, and there is no usable manifest.js)`, {
      hint: 'Give the whole archive as downloaded (the zip or its folder), not a few files from it. Nothing was imported.',
    });
  }
  const screenNames = new Set<string>([username.replace(/^@/, '').toLowerCase()]);
  if (layout.screenNameChange) {
    for (const item of await readItems(files, layout.screenNameChange)) {
      const change = unwrap<RawScreenNameChange>(item, 'screenNameChange');
      const inner = change?.screenNameChange;
      for (const name of [inner?.changedFrom, inner?.changedTo]) {
        if (typeof name === 'string' && name) screenNames.add(name.replace(/^@/, '').toLowerCase());
      }
    }
  }
  const handle = xHandle(username);
  const name = (typeof raw?.accountDisplayName === 'string' && raw.accountDisplayName) || (typeof manifest?.userInfo?.displayName === 'string' && manifest.userInfo.displayName) || undefined;
  const account: AccountRecord = { type: 'account', platform: 'x', handle, uid };
  if (name) account.name = name;

  const profile: ProfileRecord = { type: 'profile', platform: 'x', handle, uid };
  if (name) profile.name = name;
  const created = parseXTime(raw?.createdAt);
  if (created) profile.created = created;
  if (layout.profile) {
    const p = unwrap<RawProfile>((await readItems(files, layout.profile))[0], 'profile');
    const d = p?.description;
    if (isObject(d)) {
      if (typeof d.bio === 'string') profile.bio = d.bio;
      if (typeof d.location === 'string') profile.location = d.location;
      if (typeof d.website === 'string' && d.website) profile.url = d.website;
    }
    if (p && typeof p.avatarMediaUrl === 'string') profile.avatar = p.avatarMediaUrl !== '' && !/default_profile/i.test(p.avatarMediaUrl);
  }
  const result: OwnerInfo = { owner: { uid, handle, screenNames }, account, profile };
  if (manifest) result.manifest = manifest;
  return result;
}

/**
 * The documented deterministic time for events the archive does not date (follows, and likes
 * of pre-2010 tweets): the archive's generation date, else the account's creation, else X's
 * first day. Never the wall clock, so re-imports give the same value.
 */
export function undatedFallback(info: OwnerInfo): string {
  return parseXTime(info.manifest?.archiveInfo?.generationDate) ?? info.profile.created ?? '2006-03-21T00:00:00.000Z';
}
