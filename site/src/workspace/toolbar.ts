/**
 * Run, Stop, Reset and Solution: what each button does, and the button states
 * that follow the stores (Stop only while something runs; Solution pressed
 * while the solution is shown; Reset once the editor can make it undoable).
 */
import type { ReadableAtom } from 'nanostores';
import type { FilesStores } from './stores.ts';
import type { RunState } from './types.ts';

export interface ToolbarButtons {
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  reset: HTMLButtonElement;
  solution: HTMLButtonElement;
}

export interface ToolbarActions {
  run(): void;
  stop(): void;
  reset(): void;
}

export function bindToolbar(
  buttons: ToolbarButtons,
  stores: FilesStores,
  state: ReadableAtom<RunState>,
  actions: ToolbarActions,
): () => void {
  buttons.run.addEventListener('click', () => actions.run());
  buttons.stop.addEventListener('click', () => actions.stop());
  buttons.reset.addEventListener('click', () => actions.reset());
  buttons.solution.addEventListener('click', () => stores.setSolutionShown(!stores.solutionShown.get()));

  buttons.run.disabled = false;
  buttons.solution.disabled = false;
  const stops = [
    state.subscribe((value) => {
      // A Stop that moved focus away when it became disabled would strand keyboard users: hand focus to Run.
      const hadFocus = document.activeElement === buttons.stop;
      buttons.stop.disabled = value === 'idle';
      if (hadFocus && buttons.stop.disabled) buttons.run.focus();
    }),
    stores.solutionShown.subscribe((shown) => {
      buttons.solution.setAttribute('aria-pressed', String(shown));
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
