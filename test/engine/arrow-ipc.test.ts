import { Utf8, vectorFromArray } from 'apache-arrow';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { columnsToIpc } from '../../lib/engine/arrow-ipc';
import { openNodeDatabase } from '../../lib/engine/duckdb-node';

/** Makes `new Function(...)` throw, as an extension page's content security policy does. */
function forbidEval(): void {
  vi.stubGlobal(
    'Function',
    new Proxy(Function, {
      construct() {
        throw new EvalError('new Function is forbidden by the content security policy');
      },
    }),
  );
}

describe('columnsToIpc', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('round-trips text, floats, ints and nulls through DuckDB', async () => {
    const db = await openNodeDatabase();
    const ipc = columnsToIpc({
      line: { type: 'int', values: [1, 2, 3] },
      name: { type: 'text', values: ['José Ramírez', null, ''] },
      seconds: { type: 'float', values: [1.5, null, 0] },
    });
    db.insertArrowIpc('staged', ipc);
    expect(db.query('SELECT * FROM staged ORDER BY line')).toEqual([
      { line: 1, name: 'José Ramírez', seconds: 1.5 },
      { line: 2, name: null, seconds: null },
      { line: 3, name: '', seconds: 0 },
    ]);
  });

  test('works where new Function is forbidden', () => {
    forbidEval();
    // Arrow's own builder compiles code, so this check can fail.
    expect(() => vectorFromArray(['a', null], new Utf8())).toThrow(EvalError);
    expect(() => columnsToIpc({ name: { type: 'text', values: ['a', null] } })).not.toThrow();
  });
});
