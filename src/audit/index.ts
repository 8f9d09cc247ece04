/** The account audit: pure over a loaded snapshot (DESIGN §5). */
export { buildAudit, FIGURES, trendOf, type AuditPeriod } from './build-audit.js';
export { PRINCIPLE_EXPLANATIONS } from './principles.js';
export { FIGURE_IDS, type AuditExample, type AuditFigure, type AuditReport, type FigureId, type FigureMonth, type FigureUnit, type Trend } from './types.js';
