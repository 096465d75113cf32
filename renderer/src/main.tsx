import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/sources.css';
import './styles/items.css';
import './styles/reader.css';
import './styles/dialogs.css';
import './styles/notices.css';
import './styles/rules.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to draw Rounds into.');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
