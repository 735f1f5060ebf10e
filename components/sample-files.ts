/** The bundled sample exports, in the order they are loaded (users first, then events). */
const SAMPLES: ReadonlyArray<{ name: string; type: string }> = [
  { name: 'users-list.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { name: 'extension-list.json', type: 'application/json' },
  { name: 'call-log-detailed.json', type: 'application/json' },
  { name: 'call-log-detailed.csv', type: 'text/csv' },
  { name: 'usage-events.csv', type: 'text/csv' },
  { name: 'meeting-history.json', type: 'application/json' },
  { name: 'messaging-export.zip', type: 'application/zip' },
];

// A glob of literal paths yields the URLs of the files that exist, so a checkout without generated
// samples still builds. `no-inline` keeps small files out of `data:` URLs, which the extension's
// `connect-src 'self'` blocks.
const SAMPLE_URLS = import.meta.glob(
  [
    '../samples/users-list.xlsx',
    '../samples/extension-list.json',
    '../samples/call-log-detailed.json',
    '../samples/call-log-detailed.csv',
    '../samples/usage-events.csv',
    '../samples/meeting-history.json',
    '../samples/messaging-export.zip',
  ],
  { query: '?url&no-inline', import: 'default', eager: true },
) as Record<string, string>;

/** Fetches the sample exports bundled with the extension from its own origin. */
export async function fetchSampleFiles(): Promise<File[]> {
  return Promise.all(
    SAMPLES.map(async ({ name, type }) => {
      const url = SAMPLE_URLS[`../samples/${name}`];
      if (url === undefined) {
        throw new Error(`The sample file ${name} is not in this build. Run \`npm run samples\`, then build again.`);
      }
      const response = await fetch(url);
      if (!response.ok) {
        throw new Error(`Could not read the bundled sample file ${name} (HTTP ${response.status}). Reinstall the extension.`);
      }
      return new File([await response.blob()], name, { type });
    }),
  );
}
