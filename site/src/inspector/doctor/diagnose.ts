/**
 * The doctor: every rule run over the log, findings sorted errors first.
 * Each rule is pure and independent; one that throws on an odd log becomes
 * an info finding saying so, and the others still report.
 */
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { deprecatedApis } from './deprecated.ts';
import { descriptionNeverAppliedLocally, localRemoteMixup } from './descriptions.ts';
import { sortFindings, type Finding, type Rule } from './finding.ts';
import { iceFailedWithoutRelay, iceServerErrors } from './ice.ts';
import { autoplayBlocked, dataChannelLimits, echoFromLocalPreview, peerjsErrors, screenShareWithoutGesture } from './runtime.ts';
import { iceCandidateBeforeRemoteDescription, offerWithoutMedia, wrongSignalingState } from './signalling.ts';

export const RULES: readonly Rule[] = [
  localRemoteMixup,
  descriptionNeverAppliedLocally,
  iceCandidateBeforeRemoteDescription,
  offerWithoutMedia,
  wrongSignalingState,
  iceFailedWithoutRelay,
  iceServerErrors,
  autoplayBlocked,
  echoFromLocalPreview,
  screenShareWithoutGesture,
  deprecatedApis,
  dataChannelLimits,
  peerjsErrors,
];

export function diagnose(events: readonly PlaygroundEvent[], rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule(events));
    } catch (error) {
      findings.push({
        id: `doctor-failed:${rule.name}`,
        severity: 'info',
        title: `The doctor could not check this log (${rule.name})`,
        explanation: `The rule failed: ${error instanceof Error ? error.message : String(error)}. This is a bug in the playground, not in your code.`,
        fix: 'Nothing to change in your code.',
        evidence: [],
      });
    }
  }
  return sortFindings(findings);
}
