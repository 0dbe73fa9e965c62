import { render } from 'preact';
import { App } from '../../src/popup/App';

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
