export { buildAgenda, firstNameOf, type AgendaOptions } from './build-agenda.js';
export { scoreOf } from './rank.js';
export { looksLikeBot } from './rules/welcome.js';
export { ACTION_KINDS, ACTION_LABELS, type ActionKind, type Agenda, type AgendaAction, type Evidence } from './types.js';
