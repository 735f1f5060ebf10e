import { useState } from 'preact/hooks';
import type { ChartDefinition } from './channel-charts';
import { SCREEN_PALETTE } from './chart-palette';
import { formatCount } from './format';

/**
 * Renders one chart as a figure: its title, the drawing (an image with the summary as its label)
 * and a "Show data" button that shows the numbers as a table.
 */
export function ChartFrame({ chart }: { chart: ChartDefinition }) {
  const [showData, setShowData] = useState(false);
  const tableId = `chart-${chart.id}-data`;
  return (
    <figure class="chart" data-chart={chart.id} aria-labelledby={`chart-${chart.id}-title`}>
      <figcaption class="chart__caption">
        <h3 class="chart__title" id={`chart-${chart.id}-title`}>
          {chart.title}
        </h3>
        <button
          type="button"
          class="button button--small"
          aria-expanded={showData}
          aria-controls={tableId}
          onClick={() => setShowData(!showData)}
        >
          {showData ? 'Hide data' : 'Show data'}
        </button>
      </figcaption>
      <div class="chart__drawing">{chart.draw(SCREEN_PALETTE)}</div>
      <div class="table-scroll chart__data" id={tableId} hidden={!showData}>
        {showData && (
          <table class="data-table">
            <caption class="visually-hidden">{chart.title}</caption>
            <thead>
              <tr>
                {chart.table.headers.map((header, index) => (
                  <th scope="col" key={header} class={index > 0 ? 'numeric' : undefined}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.table.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <th scope="row" key={index}>
                        {cell}
                      </th>
                    ) : (
                      <td key={index} class={typeof cell === 'number' ? 'numeric' : undefined}>
                        {typeof cell === 'number' ? formatCount(cell) : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </figure>
  );
}
