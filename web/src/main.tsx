import { render } from 'preact';
import { App } from './app.js';
import { adoptTokenFromAddress } from './token.js';
import './styles.css';

adoptTokenFromAddress();
const root = document.getElementById('app');
if (root) render(<App />, root);
