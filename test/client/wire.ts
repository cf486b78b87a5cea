import WebSocket from 'ws';

/** One graphql-ws message as it crossed a socket, with when. */
export interface Frame {
  at: number;
  direction: 'sent' | 'received';
  message: { type: string; id?: string; payload?: any };
}

export interface Wire {
  /** A `ws` WebSocket class to hand the client as `webSocketImpl`; its sockets record into `frames`. */
  WebSocket: new (
    address: string,
    protocols?: string | string[],
  ) => WebSocket;
  frames: Frame[];
  /** The `subscribe` messages sent for the subscription whose query selects `field`, in order. */
  subscribes(field: string): Frame[];
  /** The answers (`next`, `error`, `complete`) received for the operation `id`, in order. */
  answers(id: string): Frame[];
}

/**
 * Records what the client sends and receives on each socket (the real `ws`, unchanged), so a test
 * can tell when and from where it subscribed, not only what reached its callbacks.
 */
export function recordingWire(): Wire {
  const frames: Frame[] = [];
  const record = (direction: Frame['direction'], data: unknown) => {
    frames.push({ at: Date.now(), direction, message: JSON.parse(String(data)) });
  };
  class RecordingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data) => record('received', data));
      this.on('close', (code, reason) =>
        frames.push({
          at: Date.now(),
          direction: 'received',
          message: { type: 'close', payload: { code, reason: String(reason) } },
        }),
      );
    }
    override send(data: any, ...rest: any[]): void {
      record('sent', data);
      (super.send as (...args: any[]) => void)(data, ...rest);
    }
  }
  return {
    WebSocket: RecordingWebSocket,
    frames,
    subscribes: (field) =>
      frames.filter(
        (frame) =>
          frame.direction === 'sent' &&
          frame.message.type === 'subscribe' &&
          String(frame.message.payload?.query).includes(field),
      ),
    answers: (id) => frames.filter((frame) => frame.direction === 'received' && frame.message.id === id),
  };
}
