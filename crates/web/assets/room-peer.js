// The built-in room's peer connections (rules MT-3, IV-3): one RTCPeerConnection per
// other person, a mesh of at most three (five in an interview). Media goes browser to
// browser (or through TURN), never through the application server; nothing is recorded
// (BK-15). Of two people, the one with the smaller id makes the offer, so offers never
// cross; a screen share replaces the camera's track, which needs no new offer.
'use strict';

export class Mesh {
  /**
   * @param {object} o
   * @param {RTCIceServer[]} o.ice servers with a TURN credential minted for this join
   * @param {'all'|'relay'} o.policy ICE transport policy (`relay`: TURN only)
   * @param {MediaStream|null} o.stream what this browser sends
   * @param {(peer: string, data: object) => void} o.send signalling out
   * @param {(peer: string, stream: MediaStream) => void} o.onTrack
   * @param {(peer: string, state: string) => void} o.onState
   */
  constructor(o) {
    Object.assign(this, o);
    /** @type {Map<string, RTCPeerConnection>} */
    this.pcs = new Map();
    this.pending = new Map();
  }

  /** The connection with `peer`, made if needed; the offerer sends its offer at once. */
  ensure(peer, offerer) {
    let pc = this.pcs.get(peer);
    if (pc) return pc;
    pc = new RTCPeerConnection({ iceServers: this.ice, iceTransportPolicy: this.policy });
    const kinds = new Set();
    if (this.stream) {
      for (const track of this.stream.getTracks()) {
        pc.addTrack(track, this.stream);
        kinds.add(track.kind);
      }
    }
    if (offerer) {
      // Receive what this browser does not send (no camera, no microphone).
      for (const kind of ['audio', 'video']) {
        if (!kinds.has(kind)) pc.addTransceiver(kind, { direction: 'recvonly' });
      }
    }
    pc.onicecandidate = (e) => {
      if (e.candidate) this.send(peer, { candidate: e.candidate.toJSON() });
    };
    pc.ontrack = (e) => this.onTrack(peer, e.streams[0] || new MediaStream([e.track]));
    pc.onconnectionstatechange = () => this.onState(peer, pc.connectionState);
    this.pcs.set(peer, pc);
    this.pending.set(peer, []);
    if (offerer) {
      pc.createOffer()
        .then((offer) => pc.setLocalDescription(offer))
        .then(() => this.send(peer, { sdp: pc.localDescription.toJSON() }))
        .catch((e) => console.error('offer', e));
    }
    return pc;
  }

  /** A signalling message from `peer`: a description or an ICE candidate. */
  async signal(peer, data) {
    const pc = this.ensure(peer, false);
    if (data && data.sdp) {
      await pc.setRemoteDescription(data.sdp);
      if (data.sdp.type === 'offer') {
        await pc.setLocalDescription(await pc.createAnswer());
        this.send(peer, { sdp: pc.localDescription.toJSON() });
      }
      for (const c of this.pending.get(peer) || []) await pc.addIceCandidate(c);
      this.pending.set(peer, []);
    } else if (data && data.candidate) {
      if (pc.remoteDescription) await pc.addIceCandidate(data.candidate);
      else this.pending.get(peer)?.push(data.candidate);
    }
  }

  /** Sends `track` instead of the current video (a screen share, or the camera again). */
  async replaceVideo(track) {
    for (const pc of this.pcs.values()) {
      for (const t of pc.getTransceivers()) {
        if (t.receiver.track && t.receiver.track.kind === 'video' && t.sender) await t.sender.replaceTrack(track);
      }
    }
  }

  drop(peer) {
    this.pcs.get(peer)?.close();
    this.pcs.delete(peer);
    this.pending.delete(peer);
  }

  closeAll() {
    for (const peer of [...this.pcs.keys()]) this.drop(peer);
  }
}
