import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { DinerApi } from './api';
import { App } from './App';

export function render(api: DinerApi | null): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}
