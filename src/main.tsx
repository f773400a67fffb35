// Entry: start the worker and its frame loop, open what the URL asks, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './store/boot.ts';
import { Controller } from './store/client.ts';
import { setController } from './store/instance.ts';
import type { Port } from './store/transport.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

const controller = new Controller(
  () => new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module' }) as unknown as Port,
);
setController(controller);
controller.start();
void boot(controller);

// Test and console hook: the same actions the UI uses (documented in docs/CONTEXT.md).
(window as unknown as { psyncLab: unknown }).psyncLab = { controller };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
