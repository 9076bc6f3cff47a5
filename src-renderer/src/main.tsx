import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useSession } from './stores/session';
import './styles.css';

// The gate's first question (which profiles exist?) goes to main before React's first render.
void useSession.getState().refresh();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
