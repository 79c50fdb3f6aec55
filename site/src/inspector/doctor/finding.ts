/**
 * What a doctor rule reports: a diagnosis a learner can act on. Rules are
 * pure functions over the event log; the view only lists what they return.
 */
import type { PlaygroundEvent, SourceLocation } from '../../../../sandbox/log/events.ts';
import type { InspectorSelection } from '../types.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** The rule's id plus what makes this finding distinct, e.g. "deprecated:addStream". */
  id: string;
  severity: Severity;
  /** One line: what went wrong. */
  title: string;
  /** Why, in plain words. */
  explanation: string;
  /** What to change in the code. */
  fix: string;
  /** The `seq` of the events that show it, in log order. */
  evidence: number[];
  /** The connection concerned, when there is one. */
  pc?: number;
  /** Where in the learner's files, when the runtime knew. */
  location?: SourceLocation;
  /** What another view should show for it (e.g. the offer in the SDP view). */
  selection?: InspectorSelection;
}

export type Rule = (events: readonly PlaygroundEvent[]) => Finding[];

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by the first evidence in the log. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.evidence[0] ?? 0) - (b.evidence[0] ?? 0));
}
