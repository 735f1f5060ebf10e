import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** One request seen through the DevTools protocol, as `<target type> <kind> <url>`, such as `worker request https://…`. */
export type RecordedRequest = string;

interface ProtocolMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  error?: { message?: string };
}

/**
 * Records every request that a page and the workers it starts make, through the Chrome DevTools
 * Protocol. Playwright's `request` events and `route` see only the page's own requests, not those of
 * its dedicated workers, where DuckDB runs, so each page gets its own DevTools session. That session
 * auto-attaches to workers (and their workers) before they run, using the older non-flattened
 * `Target.sendMessageToTarget` form because Playwright's `CDPSession` cannot address child sessions.
 *
 * NOTE: Playwright's own session resumes a new worker without waiting for this one, so a request made
 * in a worker's first milliseconds, before `Network.enable` arrives, can be missed. Chromium's NetLog
 * (`net-log.ts`) has no such gap for requests that reach the network stack.
 */
export class NetworkRecorder {
  /** Every request, WebSocket and WebTransport opened, own origin included. */
  readonly requests: RecordedRequest[] = [];
  /** The targets attached besides the page, as `<type> <url>`, to show that the recorder reached them. */
  readonly targets: string[] = [];
  /** DevTools commands that failed, which would leave a target unrecorded. */
  readonly errors: string[] = [];
  #nextId = 1;
  /** Target type (`worker`, `iframe`, …) by DevTools session id. */
  readonly #targetTypes = new Map<string, string>();

  /** Starts recording `page`; call it before the page navigates, so that no early request is missed. */
  async attach(context: BrowserContext, page: Page): Promise<void> {
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (params) => this.#record('page', 'Network.requestWillBeSent', params));
    cdp.on('Network.webSocketCreated', (params) => this.#record('page', 'Network.webSocketCreated', params));
    cdp.on('Network.webTransportCreated', (params) => this.#record('page', 'Network.webTransportCreated', params));
    cdp.on('Target.attachedToTarget', (event) => this.#onAttached(cdp, [], event));
    cdp.on('Target.receivedMessageFromTarget', (event) => this.#onMessage(cdp, [event.sessionId], event.message));
    await cdp.send('Network.enable');
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  }

  #onAttached(cdp: CDPSession, path: string[], event: { sessionId: string; targetInfo: { type: string; url: string } }) {
    const childPath = [...path, event.sessionId];
    this.targets.push(`${event.targetInfo.type} ${event.targetInfo.url}`);
    this.#targetTypes.set(event.sessionId, event.targetInfo.type);
    // Network.enable goes out before this session's Runtime.runIfWaitingForDebugger (but see the NOTE above).
    this.#send(cdp, childPath, 'Network.enable');
    this.#send(cdp, childPath, 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    this.#send(cdp, childPath, 'Runtime.runIfWaitingForDebugger');
  }

  #onMessage(cdp: CDPSession, path: string[], text: string) {
    const message = JSON.parse(text) as ProtocolMessage;
    if (message.error) {
      this.errors.push(`command ${message.id} in session ${path.join('/')}: ${message.error.message ?? 'failed'}`);
      return;
    }
    const params = message.params ?? {};
    if (message.method === 'Target.attachedToTarget') {
      this.#onAttached(cdp, path, params as { sessionId: string; targetInfo: { type: string; url: string } });
    } else if (message.method === 'Target.receivedMessageFromTarget') {
      this.#onMessage(cdp, [...path, String(params.sessionId)], String(params.message));
    } else if (message.method !== undefined) {
      this.#record(this.#targetTypes.get(path.at(-1) ?? '') ?? 'target', message.method, params);
    }
  }

  #record(target: string, method: string, params: Record<string, unknown>) {
    if (method === 'Network.requestWillBeSent') {
      const request = params.request as { url: string };
      this.requests.push(`${target} request ${request.url}`);
    } else if (method === 'Network.webSocketCreated') {
      this.requests.push(`${target} websocket ${String(params.url)}`);
    } else if (method === 'Network.webTransportCreated') {
      this.requests.push(`${target} webtransport ${String(params.url)}`);
    }
  }

  /** Sends a command to the session at the end of `path`, wrapping it once per level of nesting. */
  #send(cdp: CDPSession, path: string[], method: string, params: object = {}) {
    let message = JSON.stringify({ id: this.#nextId++, method, params });
    for (const sessionId of path.slice(1).reverse()) {
      message = JSON.stringify({ id: this.#nextId++, method: 'Target.sendMessageToTarget', params: { sessionId, message } });
    }
    cdp.send('Target.sendMessageToTarget', { sessionId: path[0] ?? '', message }).catch((error: unknown) => {
      this.errors.push(`${method} in session ${path.join('/')}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
