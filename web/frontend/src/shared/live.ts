import { request } from './http';

/** A frame the server pushes: {stream, seq, type, data}; seq is null on control frames. */
export interface Push {
  stream: string;
  seq: string | null;
  type: string;
  data: Record<string, unknown>;
}

export interface LiveOptions {
  /** A valid access token whenever a socket is (re)opened: the ticket that opens it is bought with it. */
  token: () => Promise<string>;
  streams: string[];
  /** Each push once, in order per stream, after a reconnect too. */
  onPush: (push: Push) => void;
  /** The stream fell too far behind: a snapshot replaces the screen (data as the server sent it). */
  onSnapshot?: (stream: string, data: Record<string, unknown>) => void;
  /** No snapshot exists for it: read again by REST. */
  onResync?: (stream: string) => void;
  onConnection?: (online: boolean) => void;
}

/**
 * The platform's socket at /ws: opened with a single-use ticket, each stream resumed after the last push seen, so a
 * dropped connection (a kitchen's Wi-Fi, a phone in a pocket) misses nothing and shows nothing twice.
 */
export class Live {
  private socket: WebSocket | null = null;
  private readonly last = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly seenOrder: string[] = [];
  private attempt = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: LiveOptions) {}

  start(): this {
    window.addEventListener('offline', this.wentOffline);
    window.addEventListener('online', this.cameBack);
    void this.open();
    return this;
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('offline', this.wentOffline);
    window.removeEventListener('online', this.cameBack);
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.socket?.close(1000);
  }

  /** The device knows its network is gone before the socket does: say so at once, and stop retrying meanwhile. */
  private readonly wentOffline = () => {
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.options.onConnection?.(false);
  };

  private readonly cameBack = () => {
    this.attempt = 0;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    void this.open();
  };

  private async open(): Promise<void> {
    if (this.closed || this.socket) {
      return;
    }
    let path: string;
    try {
      const token = await this.options.token();
      ({ path } = await request<{ path: string }>('/api/v1/notifications/ws-tickets', { method: 'POST', token }));
    } catch {
      this.retry();
      return;
    }
    if (this.closed) {
      return;
    }
    const url = new URL(path, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onConnection?.(true);
      for (const stream of this.options.streams) {
        const after = this.last.get(stream);
        socket.send(JSON.stringify(after ? { subscribe: stream, after } : { subscribe: stream }));
      }
    };
    socket.onmessage = (message) => this.receive(JSON.parse(String(message.data)) as Push);
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null;
        this.options.onConnection?.(false);
        this.retry();
      }
    };
  }

  private receive(push: Push): void {
    switch (push.type) {
      case 'subscribed': {
        const position = push.data.seq;
        if (typeof position === 'string' && !this.last.has(push.stream)) {
          this.last.set(push.stream, position);
        }
        return;
      }
      case 'snapshot':
        if (typeof push.data.seq === 'string') {
          this.last.set(push.stream, push.data.seq);
        }
        this.options.onSnapshot?.(push.stream, push.data);
        return;
      case 'resync':
        if (typeof push.data.seq === 'string') {
          this.last.set(push.stream, push.data.seq);
        }
        this.options.onResync?.(push.stream);
        return;
      case 'error':
        return;
      default:
        if (push.seq) {
          this.last.set(push.stream, push.seq);
        }
        if (this.firstTime(push)) {
          this.options.onPush(push);
        }
    }
  }

  /** Whether this stream showed this event already: one event reaches several streams, each shows it once. */
  private firstTime(push: Push): boolean {
    if (typeof push.data.eventId !== 'string') {
      return true;
    }
    const id = `${push.stream} ${push.data.eventId}`;
    if (this.seen.has(id)) {
      return false;
    }
    this.seen.add(id);
    this.seenOrder.push(id);
    if (this.seenOrder.length > 2000) {
      this.seen.delete(this.seenOrder.shift()!);
    }
    return true;
  }

  /** Again after 0.5 s, doubling up to 15 s, with jitter so a room's tablets do not all come back at once. */
  private retry(): void {
    if (this.closed || !navigator.onLine) {
      return;
    }
    const delay = Math.min(15_000, 500 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.timer = setTimeout(() => void this.open(), delay);
  }
}
