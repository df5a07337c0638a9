import { useEffect, useRef, useState } from 'react';
import { Live, type Push } from './live';

export interface LiveHandlers {
  /** A valid access token, whenever the socket is (re)opened. */
  token: () => Promise<string>;
  onPush: (push: Push) => void;
  /** A stream fell behind what it keeps: a snapshot of it (data as the server sent it). */
  onSnapshot?: (stream: string, data: Record<string, unknown>) => void;
  /** A stream fell behind and has no snapshot: read it again by REST. */
  onResync?: (stream: string) => void;
  /** The socket is (again) connected: what it missed while it was not is read again by REST. */
  onConnected?: () => void;
}

/**
 * The socket following these streams for as long as the component shows; reopened only when the streams change (the
 * handlers may change at every render). Whether it is connected: null until the first attempt ends.
 */
export function useLive(streams: string[], handlers: LiveHandlers): boolean | null {
  const [online, setOnline] = useState<boolean | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  const key = streams.join(' ');

  useEffect(() => {
    const live = new Live({
      token: () => latest.current.token(),
      streams: key.split(' '),
      onPush: (push) => latest.current.onPush(push),
      onSnapshot: (stream, data) => latest.current.onSnapshot?.(stream, data),
      onResync: (stream) => latest.current.onResync?.(stream),
      onConnection: (connected) => {
        setOnline(connected);
        if (connected) {
          latest.current.onConnected?.();
        }
      },
    }).start();
    return () => live.close();
  }, [key]);

  return online;
}
