/** Entry point of the web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { parseLocation } from './lib/router.js';
import { startHome } from './lib/home-data.js';
import './styles.css';

startHome(parseLocation(window.location.pathname + window.location.search));
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
