/**
 * The "other peer" box of a pairing lesson (frontmatter `pairing: true`):
 * this tab's side, a link that opens the same lesson as the other side, and a
 * QR code of that link for a phone. The pair token lives in the page's URL, so
 * a reload keeps the pair; the first tab picks it and becomes side a.
 */
import { getSiteConfig } from '../../../sandbox/host/config.ts';
import {
  chooseShareOrigin,
  newPairToken,
  otherSide,
  partnerUrl,
  readPairParams,
  shareNote,
  withPair,
  type PairParams,
} from '../../../sandbox/pairing.ts';

export interface PairingElements {
  side: HTMLElement;
  link: HTMLAnchorElement;
  /** Shows and hides `panel` (the QR code, its address and the note), so the editor keeps its room. */
  toggle: HTMLButtonElement;
  panel: HTMLElement;
  qr: HTMLElement;
  url: HTMLElement;
  note: HTMLElement;
}

/** This tab's pair: the one in the URL, or a new one as side a, written into the URL. */
export function pairForPage(location: Location, history: History): PairParams {
  const params = readPairParams(location.search) ?? { token: newPairToken(), side: 'a' };
  const url = withPair(location.href, params);
  if (url !== location.href) history.replaceState(history.state, '', url);
  return params;
}

export function showPairing(elements: PairingElements, params: PairParams, location: Location): void {
  elements.side.textContent = `You are peer ${params.side.toUpperCase()}; the other tab is peer ${otherSide(params.side).toUpperCase()}.`;
  elements.link.href = partnerUrl(location.href, params);
  // The QR code (and the qrcode package) only when someone asks for it.
  let drawn = false;
  elements.toggle.addEventListener('click', () => {
    const open = elements.panel.hidden;
    elements.panel.hidden = !open;
    elements.toggle.setAttribute('aria-expanded', String(open));
    if (open && !drawn) {
      drawn = true;
      void drawShareCode(elements, params, location);
    }
  });
}

async function drawShareCode(elements: PairingElements, params: PairParams, location: Location): Promise<void> {
  try {
    // Without the server's network addresses the QR code still works on this computer.
    const lanOrigins = await getSiteConfig().then(
      (config) => config.lanOrigins ?? [],
      () => [],
    );
    const choice = chooseShareOrigin(location.origin, lanOrigins);
    const url = partnerUrl(location.href, params, choice.origin);
    elements.note.textContent = shareNote(choice);
    elements.url.textContent = url;
    await renderQr(elements.qr, url);
  } catch (error) {
    elements.qr.textContent = `The QR code could not be drawn (${error instanceof Error ? error.message : String(error)}); the link above works in this browser.`;
  }
}

/** An <img> of the SVG the qrcode package draws, named by the address it holds. */
async function renderQr(box: HTMLElement, url: string): Promise<void> {
  const { toString } = await import('qrcode');
  const svg = await toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  const image = document.createElement('img');
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  image.alt = `QR code of the other peer's link: ${url}`;
  image.width = 168;
  image.height = 168;
  box.replaceChildren(image);
}
