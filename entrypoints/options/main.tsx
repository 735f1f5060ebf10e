import { render } from 'preact';
import { Workspace } from '../../components/Workspace';

render(<Workspace />, document.getElementById('app')!);
