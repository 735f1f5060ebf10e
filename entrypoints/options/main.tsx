import { render } from 'preact';

render(<main>Adoption Lens</main>, document.getElementById('app')!);
