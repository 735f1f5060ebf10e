/**
 * The traffic a Chromium NetLog (`--log-net-log=<file>`) shows. The NetLog is written by Chromium's
 * network stack, so it contains every request and socket of every page, worker and browser service, with
 * no race at worker start. Requests for `chrome-extension://` files never reach the network stack and
 * are not in it.
 */
export interface NetLogTraffic {
  /** Every URL request, as `<initiator> <method> <url>`; Chromium's own requests have the initiator `not an origin`. */
  urlRequests: string[];
  /** Host names sent to a DNS server. */
  dnsLookups: string[];
  /** Every write to a TCP or UDP socket, as `<address> <bytes>`. */
  socketSends: string[];
}

interface NetLogEvent {
  type: number;
  source: { id: number };
  params?: Record<string, unknown>;
}

interface NetLogFile {
  constants: { logEventTypes: Record<string, number> };
  events: NetLogEvent[];
}

/** Reads the traffic out of a NetLog file's text, which Chromium completes when the browser closes. */
export function readNetLogTraffic(text: string): NetLogTraffic {
  const log = JSON.parse(text) as NetLogFile;
  const typeNames = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const addresses = new Map<number, string>();
  const traffic: NetLogTraffic = { urlRequests: [], dnsLookups: [], socketSends: [] };

  for (const event of log.events) {
    const params = event.params ?? {};
    switch (typeNames.get(event.type)) {
      case 'URL_REQUEST_START_JOB':
        // The job's end event carries only its net_error.
        if (typeof params.url === 'string') {
          traffic.urlRequests.push(`${String(params.initiator)} ${String(params.method)} ${params.url}`);
        }
        break;
      case 'DNS_TRANSACTION':
        if (typeof params.hostname === 'string') traffic.dnsLookups.push(params.hostname);
        break;
      case 'TCP_CONNECT':
      case 'UDP_CONNECT':
        if (typeof params.address === 'string') addresses.set(event.source.id, params.address);
        break;
      case 'SOCKET_BYTES_SENT':
      case 'UDP_BYTES_SENT': {
        const address = addresses.get(event.source.id) ?? (typeof params.address === 'string' ? params.address : 'unknown address');
        traffic.socketSends.push(`${address} ${String(params.byte_count)}`);
        break;
      }
      default:
        break;
    }
  }
  return traffic;
}
