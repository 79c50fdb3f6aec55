// A full mesh: five PeerJS peers in one page, every one connected to every other.
import { Peer } from 'peerjs';

const N = 5;
const names = ['Ana', 'Ben', 'Cho', 'Dev', 'Eli'].slice(0, N);

// What a mesh of n peers costs (each peer sends its stream to each other peer).
// TODO 2: these are the numbers of a star (one hub, n - 1 spokes). Work out the mesh's.
function meshCost(n) {
  return {
    connections: n - 1,
    uploadsPerPeer: 1,
  };
}

// --- The table ------------------------------------------------------------------

const rows = new Map();
function row(name) {
  if (!rows.has(name)) {
    const tr = document.createElement('tr');
    tr.innerHTML = '<th scope="row"></th><td>0</td><td>0</td>';
    tr.cells[0].textContent = name;
    document.querySelector('#peers').append(tr);
    rows.set(name, tr);
  }
  return rows.get(name);
}
function show(member) {
  const tr = row(member.name);
  tr.cells[1].textContent = String(member.connections.size);
  tr.cells[2].textContent = [...member.hellos].join(', ') || '0';
}

// --- The peers --------------------------------------------------------------------

/** One mesh member: its Peer, its open connections by remote name, who said hello. */
function join(name) {
  const member = { name, peer: new Peer(), id: null, connections: new Map(), hellos: new Set() };
  member.opened = new Promise((resolve, reject) => {
    member.peer.on('open', (id) => {
      member.id = id;
      console.log(`${name} is open as ${id.slice(0, 8)}…`);
      resolve(id);
    });
    member.peer.on('error', (error) => {
      console.error(`${name}: ${error.type}: ${error.message}`);
      reject(error);
    });
  });
  // Connections others started: accept them, the same way as our own.
  member.peer.on('connection', (connection) => use(member, connection, connection.metadata.from));
  show(member);
  return member;
}

function use(member, connection, other) {
  connection.on('open', () => {
    member.connections.set(other, connection);
    show(member);
    connection.send(`hello from ${member.name}`);
  });
  connection.on('data', (data) => {
    console.log(`${member.name} got "${data}"`);
    member.hellos.add(other);
    show(member);
  });
  connection.on('close', () => {
    member.connections.delete(other);
    show(member);
  });
}

const members = names.map(join);
await Promise.all(members.map((m) => m.opened));

// TODO 1: this is a star, not a mesh: only the first peer calls the others, so
// they can talk to it but not to each other. Make every pair connect exactly once.
const [hub, ...spokes] = members;
for (const other of spokes) {
  const connection = hub.peer.connect(other.id, { metadata: { from: hub.name } });
  use(hub, connection, other.name);
}

const cost = meshCost(N);
document.querySelector('#cost').textContent =
  `${N} peers: ${cost.connections} connections in all, each peer uploads ${cost.uploadsPerPeer} copies of its stream.`;
playground.report('meshCost', { peers: N, ...cost });
