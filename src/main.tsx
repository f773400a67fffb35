// Entry: start the worker and its frame loop, open what the URL asks, render (once the catalog of
// the language to show is loaded).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from './offline/register.ts';
import { boot, initialLang } from './store/boot.ts';
import { startChecklist } from './store/checklist.ts';
import { Controller } from './store/client.ts';
import { setController } from './store/instance.ts';
import { spawnWorker } from './store/spawn-worker.ts';
import { setLang } from './store/store.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

// ?embed=1: the widget for course pages and its postMessage API (src/embed, loaded on demand).
const embed = new URLSearchParams(location.search).get('embed') === '1';
const controller = new Controller(spawnWorker);
setController(controller);
startChecklist();
controller.start();
if (!embed) void boot(controller);
registerServiceWorker();

// Test and console hook: the same controller the UI uses (see docs: e2e tests drive the fault screen with it).
(window as unknown as { psyncLab: unknown }).psyncLab = { controller };

void setLang(initialLang()).then(async () => {
  const Root = embed ? (await import('./embed/index.tsx')).start(controller) : App;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
