/**
 * The Doctor tab: what the rules in ./diagnose.ts found in the log, errors
 * first, each with why it happens, what to change, where in the learner's
 * files (when known) and a way to the evidence in the other views.
 * Every value goes into the DOM as text.
 */
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { el } from '../dom.ts';
import type { InspectorContext, InspectorView } from '../types.ts';
import { renderWhenShown } from '../stats/render-when-shown.ts';
import { diagnose } from './diagnose.ts';
import type { Finding, Severity } from './finding.ts';
import './doctor.css';

const SEVERITY_WORD: Record<Severity, string> = { error: 'Problem', warning: 'Warning', info: 'Note' };

export const view: InspectorView = {
  id: 'doctor',
  label: 'Doctor',
  mount(container, context) {
    const root = el('div', 'doctor');
    const status = el('p', 'doctor-summary');
    status.setAttribute('role', 'status');
    const list = el('ol', 'doctor-list');
    list.setAttribute('aria-label', 'Findings');
    root.append(status, list);
    container.replaceChildren(root);

    let signature = '';
    let first: PlaygroundEvent | undefined;
    const render = (events: readonly PlaygroundEvent[]) => {
      const findings = diagnose(events);
      // Redraw only when the findings change (or another log is shown: a new run, an import),
      // so focus and scroll survive live updates.
      const next = JSON.stringify([events.length > 0, findings.map((f) => [f.id, f.evidence])]);
      if (next === signature && events[0] === first) return;
      signature = next;
      first = events[0];
      status.textContent = summary(findings, events.length);
      list.replaceChildren(...findings.map((finding) => item(finding, context)));
      list.hidden = findings.length === 0;
    };
    const stop = renderWhenShown(container, context.events, render);
    return () => {
      stop();
      container.replaceChildren();
    };
  },
};

function summary(findings: Finding[], eventCount: number): string {
  if (!eventCount) return 'Nothing to check yet: run your code and the doctor looks at what it did.';
  if (!findings.length) return 'No common mistakes found in this run.';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const parts = [errors && `${errors} ${errors === 1 ? 'problem' : 'problems'}`, warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean);
  return `Found ${parts.join(' and ') || `${findings.length} notes`}.`;
}

function item(finding: Finding, context: InspectorContext): HTMLLIElement {
  const li = el('li', `doctor-finding doctor-${finding.severity}`);
  const heading = el('h3', 'doctor-title');
  heading.append(el('span', 'doctor-severity', `${SEVERITY_WORD[finding.severity]}: `), finding.title);
  li.append(heading, el('p', 'doctor-explanation', finding.explanation));
  const fix = el('p', 'doctor-fix');
  fix.append(el('strong', undefined, 'What to change: '), finding.fix);
  li.append(fix);
  if (finding.location) {
    const { file, line, column } = finding.location;
    li.append(el('p', 'doctor-where', `Where: ${file}, line ${line}${column ? `, column ${column}` : ''}`));
  }
  const links = el('p', 'doctor-links');
  if (finding.evidence.length) links.append(`Seen at log ${finding.evidence.length === 1 ? 'step' : 'steps'} ${finding.evidence.map((s) => `#${s}`).join(', ')}. `);
  const selection = finding.selection;
  if (selection) {
    const target = selection.kind === 'description' ? 'sdp' : selection.kind === 'candidate' ? 'ice' : 'timeline';
    const label = selection.kind === 'description' ? 'Open the description in the SDP view' : selection.kind === 'candidate' ? 'Show the candidate in the ICE view' : `Show ${finding.pc === undefined ? 'it' : `pc ${finding.pc}`} in the timeline`;
    const button = el('button', 'doctor-link', label);
    button.type = 'button';
    button.addEventListener('click', () => {
      context.selection.set(selection);
      context.showView(target);
    });
    links.append(button);
  }
  if (links.childNodes.length) li.append(links);
  return li;
}
