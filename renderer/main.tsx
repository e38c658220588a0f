/** Renderer entry: mounts the app shell. The theme store applies the theme before the first paint. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './features/shell/AppShell';
import './stores/themeStore';
import './styles/base.css';
import './styles/layout.css';
import './styles/tree.css';
import './styles/forms.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
