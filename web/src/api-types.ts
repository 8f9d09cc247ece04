/**
 * The shapes the HTTP API returns (issue 6's contract, as src/server/schemas.ts describes it).
 * Where the server hands out an engine's own type, it is imported from `src/` so the pages and
 * the engines cannot drift apart; only what the server adds on top is written here.
 */
import type { Agenda as EngineAgenda, AgendaAction as EngineAction, ActionKind, Evidence } from '../../src/agenda/types.js';
import type { AuditFigure, AuditReport, FigureMonth, Trend } from '../../src/audit/types.js';
import type { Channel, CoachResult, Reason, Verdict } from '../../src/coach/types.js';
import type { Identity, Interaction, Note } from '../../src/domain/views.js';
import type { ImportSummary } from '../../src/ingest/import-path.js';
import type { Principle, Stage } from '../../src/playbook/playbook.js';
import type { FollowReason } from '../../src/relationships/follow-reasons.js';
import type { WorkspaceStats } from '../../src/store/store.js';
import type { PersonRow } from '../../src/workspace/people-list.js';
import type { PersonCard } from '../../src/workspace/person-card.js';

export type {
  ActionKind, Evidence, Channel, CoachResult, Reason, Verdict, Identity, Interaction, Note, ImportSummary, Principle,
  Stage, FollowReason, PersonRow, PersonCard, WorkspaceStats, AuditFigure, AuditReport, FigureMonth, Trend,
};

export interface WorkspaceInfo {
  /** The server's "now": every page asks "as of" this moment, so the demo stays on its last day. */
  readonly at: string;
  readonly accounts: readonly Identity[];
  readonly stats: WorkspaceStats;
}

/** An agenda action as the server sends it: with `since`, the moment to send back when it is done. */
export interface AgendaAction extends EngineAction {
  readonly since: string;
}

export interface Agenda extends Omit<EngineAgenda, 'actions'> {
  readonly actions: readonly AgendaAction[];
  /** Actions hidden because they were marked done. */
  readonly done?: number;
}

export interface WarmthPoint {
  readonly at: string;
  readonly value: number;
}

/** The card as `GET /api/people/:id` sends it: the engine's card plus a chart series and the timeline. */
export interface PersonDetail extends PersonCard {
  readonly warmthSeries: readonly WarmthPoint[];
  /** Newest first. */
  readonly timeline: readonly Interaction[];
  readonly timelineMore: boolean;
}

export interface InteractionPage {
  readonly interactions: readonly Interaction[];
  readonly more: boolean;
}

/** How GET /api/people sorts: stage (closest first), name, warmth (warmest first), latest touch each way, most interactions. */
export type PeopleSort = 'stage' | 'name' | 'warmth' | 'last-in' | 'last-out' | 'interactions';

export interface PeopleQuery {
  readonly at?: string;
  readonly q?: string;
  readonly stage?: Stage;
  readonly quiet?: boolean;
  readonly sort?: PeopleSort;
  readonly limit?: number;
}

export interface MergedPerson {
  readonly id: number;
  readonly name: string;
  readonly identities: readonly { readonly id: number; readonly platform: string; readonly handle: string }[];
}

export interface DraftCheck {
  readonly to: string;
  readonly text: string;
  readonly channel?: Channel;
  readonly inReplyTo?: string;
  readonly at?: string;
}

export interface ApiErrorBody {
  readonly error: string;
  readonly hint?: string;
  readonly field?: string;
}

export interface ImportProgress {
  readonly bytesDone: number;
  readonly totalBytes: number;
  /** What the file was recognised as, once known. */
  readonly found?: string;
}

export interface ImportJob {
  readonly state: 'running' | 'done' | 'failed';
  readonly progress?: ImportProgress;
  readonly summary?: ImportSummary;
  readonly error?: ApiErrorBody;
}
