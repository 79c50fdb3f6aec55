// Perfect negotiation.
//
// Two peers in one page, joined by a signalling channel that delivers each
// message 100 ms later, like a server would. Both open a data channel at the
// same moment, so both fire negotiationneeded and both send an offer: glare.
// The W3C "perfect negotiation" pattern settles it: the polite peer gives way
// (rolls its offer back and answers), the impolite peer ignores the offer that
// collided with its own. The same code runs on both sides; only `polite` differs.

const DELAY = 100; // ms a message spends "on the wire"

/** Two ends of a signalling channel: what one end sends, the other receives DELAY ms later. */
function signallingChannel() {
  const ends = [{ onmessage: null }, { onmessage: null }];
  ends.forEach((end, i) => {
    const other = ends[1 - i];
    // JSON, as over a real socket: descriptions and candidates become plain objects.
    end.send = (message) => {
      const text = JSON.stringify(message);
      setTimeout(() => other.onmessage?.(JSON.parse(text)), DELAY);
    };
  });
  return ends;
}

function show(name, text) {
  console.log(`${name}: ${text}`);
  const item = document.createElement('li');
  item.textContent = text;
  document.querySelector(`#${name}-log`).append(item);
}

function createPeer(name, polite, signal) {
  const pc = new RTCPeerConnection();
  pc.onsignalingstatechange = () => show(name, `signalingState ${pc.signalingState}`);
  pc.onconnectionstatechange = () => show(name, `connectionState ${pc.connectionState}`);
  pc.onicecandidate = ({ candidate }) => signal.send({ candidate });

  // The perfect negotiation state: are we in the middle of making an offer,
  // did we just ignore an offer, is an answer being applied right now.
  let makingOffer = false;
  let ignoreOffer = false;
  let isSettingRemoteAnswerPending = false;

  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true;
      // No argument: the browser creates the right description itself (an
      // offer here) and it cannot be stale by the time it is applied.
      await pc.setLocalDescription();
      show(name, 'sends an offer');
      signal.send({ description: pc.localDescription });
    } catch (error) {
      show(name, `offer failed: ${error.name}`);
    } finally {
      makingOffer = false;
    }
  };

  signal.onmessage = async ({ description, candidate }) => {
    try {
      if (description) {
        // An offer collides when we are making one, or already have one out.
        const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || isSettingRemoteAnswerPending);
        const offerCollision = description.type === 'offer' && !readyForOffer;
        ignoreOffer = !polite && offerCollision;
        if (ignoreOffer) {
          show(name, 'ignores the colliding offer (impolite)');
          return;
        }
        if (offerCollision) show(name, 'gives way: rolls back its own offer (polite)');
        isSettingRemoteAnswerPending = description.type === 'answer';
        // For the polite peer in have-local-offer this rolls the local offer
        // back by itself (implicit rollback) before applying the remote one.
        await pc.setRemoteDescription(description);
        isSettingRemoteAnswerPending = false;
        if (description.type === 'offer') {
          await pc.setLocalDescription(); // the answer
          show(name, 'sends an answer');
          signal.send({ description: pc.localDescription });
        }
      } else if (candidate) {
        // Noted now: the failure comes back a moment later, possibly after
        // the next message (an answer) has already reset ignoreOffer.
        const duringIgnoredOffer = ignoreOffer;
        try {
          await pc.addIceCandidate(candidate);
        } catch (error) {
          // Candidates of the offer we ignored have nowhere to go: expected.
          if (!duringIgnoredOffer) throw error;
        }
      }
    } catch (error) {
      show(name, `${error.name}: ${error.message}`);
    }
  };

  return pc;
}

const [politeEnd, impoliteEnd] = signallingChannel();
const peers = {
  polite: createPeer('polite', true, politeEnd),
  impolite: createPeer('impolite', false, impoliteEnd),
};

// Both sides open a channel in the same moment: both need to negotiate.
for (const [name, pc] of Object.entries(peers)) {
  const channel = pc.createDataChannel('chat');
  channel.onopen = () => channel.send(`hello from the ${name} peer`);
  pc.ondatachannel = ({ channel: incoming }) => {
    incoming.onmessage = ({ data }) => show(name, `received "${data}"`);
  };
}
