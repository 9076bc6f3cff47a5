// First: the gate's question to main leaves before the rest of the first screen is evaluated.
import { firstQuestion } from './first-question';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useSession } from './stores/session';
import './styles.css';

// The gate's first answers go to the session before React's first render.
void useSession.getState().refresh(firstQuestion);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
