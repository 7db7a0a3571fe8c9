/** Entry point of the web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { parseLocation } from './lib/router.js';
import { startHome } from './lib/home-data.js';
import { primeFromPage } from './lib/boot.js';
import './styles.css';

primeFromPage(document);
const home = startHome(parseLocation(window.location.pathname + window.location.search));
const render = () => {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
};
// On the home page the first render waits for the page's code (asked for with the entry's, see
// lib/home-data.ts): the page is then drawn at once, not a loading state first.
if (home) void home.then(render, render);
else render();
