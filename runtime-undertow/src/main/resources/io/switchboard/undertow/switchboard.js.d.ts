/*
 * Declarations of switchboard.js, the browser client, kept by hand beside it: add this file to a
 * TypeScript build that loads switchboard.js with a <script> tag. It types the connection loosely
 * (any command, any event); the contract an application's endpoints compile to,
 * META-INF/switchboard/switchboard.d.ts, types it exactly:
 *
 *   const chat: SwitchboardEndpoints['/chat'] = Switchboard.connect('/chat');
 *
 * The guide is docs/client-js.md; the contract is docs/contract.md.
 */
declare namespace Switchboard {
  interface Options {
    /** Subprotocols to offer in the handshake, or none. */
    protocols?: string | string[];
    /** Milliseconds a call() waits for its reply before it rejects with code "timeout". */
    timeout: number;
    /** Whether to reconnect by itself after an abnormal close. */
    reconnect: boolean;
    /** How many reconnect attempts in a row before giving up (Infinity: never give up). */
    maxAttempts: number;
    /** The first reconnect delay in milliseconds; it doubles on every failed attempt... */
    minDelay: number;
    /** ...up to this many milliseconds. */
    maxDelay: number;
    /** Whether a close with 1001 is retried like an abnormal one. */
    reconnectOnGoingAway: boolean;
    /** The command after which a close is final. */
    byeCommand: string;
    /** Whether leaving the page closes the connection, and coming back reconnects. */
    pageLifecycle: boolean;
  }

  /** What a call() rejects with: the server's error code, or "timeout", "closed"… */
  interface SwitchboardError extends Error {
    code: string;
    path: string | null;
    cmd: string | null;
  }

  class Connection {
    readonly url: string;
    readonly options: Options;
    readonly state: 'connecting' | 'open' | 'reconnecting' | 'closed';
    /** Sends a command as a JSON envelope and resolves with the reply's data. */
    call(cmd: string, data?: unknown, options?: { timeout?: number }): Promise<any>;
    /** Sends a text frame as is, or binary data. */
    send(message: string | ArrayBuffer | ArrayBufferView | Blob): void;
    /** Listens to a server push or a connection event; returns a function that removes the listener. */
    on(event: string, listener: (...args: any[]) => void): () => void;
    off(event: string, listener: (...args: any[]) => void): void;
    close(code?: number, reason?: string): void;
    reconnect(): void;
  }

  const version: string;
  const defaults: Readonly<Options>;
  /** Opens a connection: url is absolute (ws://, wss://, http://, https://) or relative to the page. */
  function connect(url: string, options?: Partial<Options>): Connection;
  function backoffDelay(attempt: number, options: Options): number;
  function webSocketUrl(url: string): string;
}
