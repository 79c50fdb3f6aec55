/**
 * Lesson 06: ICE candidates. The learner decodes each gathered candidate's
 * priority and reports it (`playground.report('candidate:…', {type, priority,
 * typePreference, localPreference, component})`), trickles candidates only to
 * a peer that already has the remote description, and reports how long
 * gathering took (`report('gathering', {firstCandidate, complete})`). The
 * checks compare the reports with the candidates and timings the runtime
 * recorded, decoded by the inspector's own decoder.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { CandidateJson, Json, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { peerConnections, pcsThatReached, type PcSummary } from '../../sandbox/log/reduce.ts';
import { reportObject, reports, lastReport, type Report } from '../../sandbox/log/reports.ts';
import { parseCandidateLine } from '../../site/src/inspector/ice/candidate-line.ts';
import { decodePriority } from '../../site/src/inspector/ice/priority.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const FIELDS = ['typePreference', 'localPreference', 'component'] as const;

function priorityOf(candidate: CandidateJson): number | null {
  return typeof candidate.priority === 'number' ? candidate.priority : parseCandidateLine(candidate.candidate).priority;
}

function foundationOf(candidate: CandidateJson): string {
  return parseCandidateLine(candidate.candidate).foundation ?? '?';
}

/** The learner's report for this candidate: one carrying its priority, else one naming its foundation. */
function reportFor(candidate: CandidateJson, all: readonly Report[]): Report | null {
  const priority = priorityOf(candidate);
  const byPriority = all.filter((r) => reportObject(r)?.['priority'] === priority);
  if (byPriority.length) return byPriority[byPriority.length - 1] ?? null;
  const foundation = foundationOf(candidate);
  return [...all].reverse().find((r) => r.name.includes(foundation)) ?? null;
}

/** What is wrong with a report, or null when it matches the candidate. */
function mismatch(candidate: CandidateJson, report: Report): string | null {
  const value = reportObject(report);
  if (!value) return `${report.name} should be an object like {type, priority, typePreference, localPreference, component}.`;
  const priority = priorityOf(candidate);
  const decoded = priority === null ? null : decodePriority(priority);
  if (!decoded) return null; // a candidate without a readable priority cannot be held against the learner
  for (const field of FIELDS) {
    const reported: Json | undefined = value[field];
    if (reported !== decoded[field]) {
      return `${report.name}: ${field} is ${JSON.stringify(reported ?? null)}, but priority ${priority} holds ${decoded[field]}.`;
    }
  }
  if (candidate.type && value['type'] !== candidate.type) {
    return `${report.name}: type is ${JSON.stringify(value['type'] ?? null)}, but the candidate line says "typ ${candidate.type}".`;
  }
  return null;
}

const prioritiesDecoded: Check = {
  id: 'priorities-decoded',
  title: "Every gathered candidate's priority is decoded and reported",
  verify(events) {
    const gathered = peerConnections(events).flatMap((pc) => pc.candidates.map((c) => ({ pc, candidate: c.candidate })));
    if (gathered.length === 0) return pending('No candidates gathered yet: they come after setLocalDescription, and only if the offer has a data channel or a track.');
    const all = reports(events, 'candidate:');
    let missing: string | null = null;
    for (const { pc, candidate } of gathered) {
      const report = reportFor(candidate, all);
      if (!report) {
        missing ??= `No report for ${pc.label}'s candidate ${foundationOf(candidate)} (priority ${priorityOf(candidate)}): call playground.report('candidate:…', {type, priority, typePreference, localPreference, component}).`;
        continue;
      }
      const wrong = mismatch(candidate, report);
      if (wrong) return pending(wrong);
    }
    if (missing) return pending(all.length ? missing : `${gathered.length} candidates gathered, none reported yet. ${missing}`);
    // Judge every candidate, not the first few: wait until each connection finished gathering.
    const gathering = peerConnections(events).find((pc) => pc.candidates.length > 0 && !pc.gatheringComplete);
    if (gathering) return pending(`${gathering.label} is still gathering candidates.`);
    return { status: 'passed', detail: `All ${gathered.length} candidates decoded correctly.` };
  },
};

/** The first addIceCandidate call made before any setRemoteDescription call on that connection. */
function earlyAdd(pc: PcSummary) {
  let remoteSet = false;
  for (const record of pc.calls) {
    if (record.call.method === 'setRemoteDescription') remoteSet = true;
    if (record.call.method === 'addIceCandidate' && !remoteSet) return record;
  }
  return null;
}

const addedAfterRemote: Check = {
  id: 'candidates-after-remote-description',
  title: 'Candidates were added only after the remote description',
  verify(events) {
    const pcs = peerConnections(events);
    for (const pc of pcs) {
      const early = earlyAdd(pc);
      if (early) {
        const error = early.result && !early.result.ok ? ` It failed: ${early.result.error.name}: ${early.result.error.message}.` : '';
        return {
          status: 'failed',
          reason: `${pc.label}.addIceCandidate() was called before its setRemoteDescription().${error} Send the offer first, then trickle the candidates.`,
        };
      }
    }
    const adders = pcs.filter((pc) => pc.addedCandidates.length > 0);
    if (adders.length === 0) return pending('No candidates added yet: hand each icecandidate to the other peer with addIceCandidate().');
    return { status: 'passed', detail: adders.map((pc) => `${pc.label} added ${pc.addedCandidates.length} after its remote description`).join('; ') + '.' };
  },
};

/** When gathering started, its first candidate and its end, as the runtime measured them (ms since setLocalDescription). */
function measured(pc: PcSummary): { firstCandidate: number; complete: number } | null {
  const first = pc.candidates[0]?.sinceLocalDescription;
  if (first == null) return null;
  const done = gatheringDoneAt(pc);
  return done === null ? null : { firstCandidate: first, complete: done };
}

/** ms from the last setLocalDescription call before gathering completed, to 'complete'. */
function gatheringDoneAt(pc: PcSummary): number | null {
  const complete = pc.history.iceGatheringState.find((s) => s.value === 'complete');
  if (!complete) return null;
  const calls = pc.calls.filter((c) => c.call.method === 'setLocalDescription' && c.call.seq < complete.seq);
  const start = calls[calls.length - 1]?.call.t;
  return start === undefined ? null : complete.t - start;
}

function close(reported: number, actual: number): boolean {
  return Math.abs(reported - actual) <= Math.max(10, actual * 0.25);
}

const gatheringTimed: Check = {
  id: 'gathering-timed',
  title: 'How long gathering took was measured and reported',
  verify(events) {
    const report = lastReport(events, 'gathering');
    const value = reportObject(report);
    if (!value) return pending("Report the timings with playground.report('gathering', { firstCandidate, complete }), both in ms since setLocalDescription.");
    const first = value['firstCandidate'];
    const complete = value['complete'];
    if (typeof first !== 'number' || typeof complete !== 'number') {
      return pending(`The 'gathering' report needs two numbers, firstCandidate and complete; it has ${JSON.stringify(value)}.`);
    }
    const truths = peerConnections(events).map(measured).filter((m) => m !== null);
    if (truths.length === 0) return pending('Gathering has not completed on any connection yet.');
    const match = truths.find((m) => close(first, m.firstCandidate) && close(complete, m.complete));
    if (!match) {
      const t = truths[0]!;
      return pending(
        `Reported first candidate ${first.toFixed(1)} ms and complete ${complete.toFixed(1)} ms, but the runtime measured ${t.firstCandidate.toFixed(1)} ms and ${t.complete.toFixed(1)} ms after setLocalDescription.`,
      );
    }
    return { status: 'passed', detail: `First candidate after ${first.toFixed(1)} ms, gathering complete after ${complete.toFixed(1)} ms.` };
  },
};

const connected: Check = {
  id: 'connected',
  title: 'The two peers connected',
  verify(events: readonly PlaygroundEvent[]) {
    const pcs = peerConnections(events);
    const done = pcsThatReached(pcs, 'connectionState', 'connected');
    if (done.length >= 2) return { status: 'passed', detail: `${done.map((pc) => pc.label).join(' and ')} reached 'connected'.` };
    if (pcs.length < 2) return pending('This lesson needs two RTCPeerConnections.');
    return pending(`Waiting for both connections to reach 'connected' (${pcs.map((pc) => `${pc.label}: ${pc.states.connectionState}`).join(', ')}).`);
  },
};

export default [prioritiesDecoded, addedAfterRemote, gatheringTimed, connected] satisfies Check[];
