import type { InspectorView } from '../types.ts';

// Placeholder until this view lands: says so instead of showing nothing.
export const view: InspectorView = {
  id: 'ice',
  label: 'ICE',
  mount(container) {
    const note = document.createElement('p');
    note.textContent = 'This view is being built.';
    container.replaceChildren(note);
    return () => container.replaceChildren();
  },
};
