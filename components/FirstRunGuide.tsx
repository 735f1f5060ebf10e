import templateUrl from '../samples/usage-events-template.csv?url&no-inline';

/**
 * Renders the guide shown while nothing is loaded: which RingCentral exports to download, where to
 * find them, and the usage-events template for client apps and versions.
 */
export function FirstRunGuide() {
  return (
    <section class="panel guide" id="first-run-guide" aria-labelledby="guide-heading">
      <h2 id="guide-heading">Get your exports out of RingCentral</h2>
      <p>
        Download what you have, then drop the files above. Each is recognised by its content, so keep the names
        you like. One file is enough to start; the users list makes the report count people who never used a
        channel.
      </p>
      <ol class="guide__steps">
        <li>
          <strong>Users list</strong> (every channel): Admin Portal → Users → Download user list, as Excel or
          CSV. For Video and Message, also save the extension list from the API (JSON), which links the people
          in meetings and chats to the list.
        </li>
        <li>
          <strong>Call log</strong> (Phone): Admin Portal → Analytics or Reports → Call log, pick the dates, then
          Download and choose the detailed CSV. The call log JSON from the API works too.
        </li>
        <li>
          <strong>Meeting history</strong> (Video): the meeting history from the API, as JSON.
        </li>
        <li>
          <strong>Messaging export</strong> (Message): the compliance export, a ZIP of JSON files with posts,
          members and chats. Its retention (30, 60 or 90 days) may cover less than your period.
        </li>
        <li>
          <strong>Adoption and Usage workbooks</strong> (any channel): the Excel download of RingCentral's Adoption
          and Usage report, one channel and at most 6 months each. Drop two half-years to see a year. They hold
          totals per user and endpoint, so they feed fewer KPIs than the exports above, and a channel uses them
          only when none of those exports is loaded.
        </li>
        <li>
          <strong>Client apps and versions</strong> (any channel): no RingCentral export names them, so fill in
          the usage-events CSV, one row per use with the channel, time, user e-mail or extension, endpoint
          (client app) and version.{' '}
          <a href={templateUrl} download="usage-events-template.csv" id="usage-template-link">
            Download the usage-events template (CSV)
          </a>
        </li>
      </ol>
      <p class="hint">
        Not ready yet? “Try the sample data” above loads the exports of an invented company. Nothing you load
        leaves this browser.
      </p>
    </section>
  );
}
