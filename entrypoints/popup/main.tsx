import { render } from 'preact';
import { App } from '../../src/popup/App';

// Where the popup's own work starts, for the benchmark (the rest is the browser opening the page).
performance.mark('ep-doctor:popup-start');
const root = document.getElementById('app');
if (root !== null) render(<App />, root);
