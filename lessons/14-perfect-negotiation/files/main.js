// Perfect negotiation.
//
// Two peers in one page, joined by a signalling channel that delivers each
// message 100 ms later, like a server would. Both open a data channel at the
// same moment, so both fire negotiationneeded and both send an offer: glare.
// Each side here simply answers whatever offer arrives, so watch the log: both
// answer, both then get an answer they cannot use, and the call never connects.

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

  // TODO: this is the naive way, and it breaks when both sides offer at once.
  // Make it perfect negotiation: keep makingOffer / ignoreOffer /
  // isSettingRemoteAnswerPending, let the polite peer give way and the
  // impolite peer ignore an offer that collides with its own.

  pc.onnegotiationneeded = async () => {
    try {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      show(name, 'sends an offer');
      signal.send({ description: pc.localDescription });
    } catch (error) {
      show(name, `offer failed: ${error.name}`);
    }
  };

  signal.onmessage = async ({ description, candidate }) => {
    try {
      if (description) {
        await pc.setRemoteDescription(description);
        if (description.type === 'offer') {
          const answer = await pc.createAnswer();
          await pc.setLocalDescription(answer);
          show(name, 'sends an answer');
          signal.send({ description: pc.localDescription });
        }
      } else if (candidate) {
        await pc.addIceCandidate(candidate);
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
